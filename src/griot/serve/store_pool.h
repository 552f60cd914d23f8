// Read-only store connections for the server's worker threads. A SQLite
// connection must not be used by two threads at once, and a PostgreSQL
// connection runs one query at a time: each request borrows a connection
// of its own and gives it back when answered.
//
//   StorePool pool("events.db", 5000);
//   Result<StorePool::Lease> lease = pool.Acquire();
//   AnswerApi(**lease, ontology, "/api/meta", {});
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "griot/store/store.h"
#include "griot/util/status.h"

namespace griot {

class StorePool {
 public:
  // Connections open on first use, read-only, with the query time limit
  // `timeout_ms` (0 = none).
  StorePool(std::string target, int64_t timeout_ms) : target_(std::move(target)), timeout_ms_(timeout_ms) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // An idle connection, or a new one.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Store> store);

  std::string target_;
  int64_t timeout_ms_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace griot
