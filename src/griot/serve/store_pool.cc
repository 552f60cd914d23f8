#include "griot/serve/store_pool.h"

namespace griot {

StorePool::Lease::~Lease() {
  if (store_) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opening happens outside the lock: other threads keep borrowing.
  Result<std::unique_ptr<Store>> store = Store::Open(target_, Store::Access::kReadOnly);
  if (!store.ok()) return store.status();
  GRIOT_RETURN_IF_ERROR((*store)->SetQueryTimeout(timeout_ms_));
  return Lease(this, std::move(*store));
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace griot
