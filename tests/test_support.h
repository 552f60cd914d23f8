// Shared helpers for griot's tests: the repository's knowledge base, loaded
// once per test process, and a one-call "code this text" helper.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "griot/kb/knowledge_base.h"
#include "griot/pipeline.h"

namespace griot::testing {

inline std::string SourcePath(const std::string& rel) { return std::string(GRIOT_SOURCE_DIR) + "/" + rel; }

// The gazetteer the build compiled, or "" when this build has none.
inline std::string GazetteerPath() {
#ifdef GRIOT_DEFAULT_GAZETTEER
  return GRIOT_DEFAULT_GAZETTEER;
#else
  return "";
#endif
}

inline const KnowledgeBase& Kb() {
  static std::unique_ptr<KnowledgeBase> kb = [] {
    auto loaded = KnowledgeBase::Load(SourcePath("kb/en"), GRIOT_DEFAULT_WORDNET_DIR, GazetteerPath());
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return std::unique_ptr<KnowledgeBase>();
    }
    return std::move(*loaded);
  }();
  return *kb;
}

inline Document Code(const std::string& text, const std::string& id = "t") {
  Pipeline pipeline(&Kb());
  Document doc;
  doc.id = id;
  doc.text = text;
  Status st = pipeline.Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  return doc;
}

}  // namespace griot::testing
