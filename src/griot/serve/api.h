// The JSON API of `griot serve` (docs/api.md): a request's path and query
// parameters in, an HTTP status and a JSON body out. No HTTP here, so every
// endpoint is tested directly against a store (api_test.cc); http_server.h
// wires it to sockets.
//
//   ApiResponse r = AnswerApi(store, ontology, "/api/events", {{"country", "MLI"}, {"limit", "10"}});
//   // r.status == 200, r.body == {"limit":10,"offset":0,"more":false,"events":[...]}
//
// Every value reaches SQL as a bound parameter (query/event_filter.h); bad
// parameters answer 400 with a message naming the parameter.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "griot/kb/ontology.h"
#include "griot/store/store.h"
#include "griot/util/status.h"

namespace griot {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// Query parameters in request order; a name may repeat (country=MLI&country=BFA).
using ApiParams = std::vector<std::pair<std::string, std::string>>;

// The largest page of /api/events.
inline constexpr int64_t kMaxEventPage = 1000;

// Answers a GET of `path` (starting "/api/"). Unknown paths answer 404.
// `ontology` names the event types /api/meta offers the dashboard: the
// knowledge base's, the one list the whole program codes with.
ApiResponse AnswerApi(Store& store, const Ontology& ontology, const std::string& path,
                      const ApiParams& params);

// {"error": {"status": N, "message": "..."}}
ApiResponse ApiError(int status, const std::string& message);

// The HTTP status of a failed Status: 400 bad input, 404 not found, 503
// query time limit, 500 otherwise.
int HttpStatusOf(const Status& status);

}  // namespace griot
