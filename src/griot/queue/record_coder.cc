#include "griot/queue/record_coder.h"

#include "griot/run/record_stages.h"

namespace griot {

RecordResult CodeAndWrite(const Pipeline& pipeline, EventSink& sink, Document& doc) {
  RecordItem item;
  item.rec.doc = std::move(doc);
  CodeRecord(pipeline, sink, &item);
  doc = std::move(item.rec.doc);
  using Kind = RecordResult::Kind;
  switch (item.verdict) {
    case RecordItem::Verdict::kSkipped:
      return RecordResult{Kind::kSkipped, item.reason, item.message, item.say};
    case RecordItem::Verdict::kFailed:
      return RecordResult{Kind::kFailed, item.reason, item.message, item.say};
    case RecordItem::Verdict::kCoded:
      break;
  }
  Status w = sink.Write(doc);
  if (!w.ok()) return RecordResult{Kind::kFailed, "output error", w.message() + " (id " + doc.id + ")"};
  return RecordResult{};
}

RecordOutcome OutcomeOf(const Document& doc, const RecordResult& r) {
  RecordOutcome o;
  o.input = doc.input;
  o.line = doc.line;
  o.offset = doc.offset;
  o.id = doc.id;
  o.outcome = r.kind == RecordResult::Kind::kCoded     ? "coded"
              : r.kind == RecordResult::Kind::kSkipped ? "skipped"
                                                       : "failed";
  o.reason = r.reason;
  o.message = r.message;
  return o;
}

}  // namespace griot
