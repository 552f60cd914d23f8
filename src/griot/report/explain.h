// A readable account of how griot read a document: tokens with lemmas and
// tags, verb groups and noun phrases, actor mentions with the knowledge-base
// entries behind them, time expressions, places, why each trigger did or did
// not become an event, and the events. Used by `griot explain`.
#pragma once

#include <string>

#include "griot/doc/document.h"
#include "griot/geo/gazetteer.h"

namespace griot {

// `doc` must have been coded by a Pipeline built with Limits::explain.
std::string ExplainDocument(const Document& doc, const Gazetteer& gazetteer);

}  // namespace griot
