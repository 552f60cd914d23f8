// The one structure that flows through the pipeline.
//
// A reader fills the metadata and `text`; each stage then adds its layer:
//   normalizer  -> text (NFC, straight quotes, plain spaces)
//   splitter    -> sentences (byte ranges)
//   tokenizer   -> tokens (byte ranges, shape flags)
//   lemmatizer  -> Token::lower, Token::lemma
//   tagger      -> Token::tag
//   chunker     -> Sentence::chunks
//   entities    -> Sentence::entities
//   coder       -> Document::events
// All offsets are byte offsets into Document::text; sinks convert to
// character offsets of the sentence when they print.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace griot {

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive
  uint32_t size() const { return end - begin; }
};

// Coarse part of speech, enough for chunking and role assignment.
enum class Tag : uint8_t {
  kUnknown,
  kNoun,
  kProperNoun,
  kPronoun,
  kVerb,        // finite or base verb
  kParticiple,  // -ed / -en form that may be passive or adjectival
  kGerund,      // -ing form
  kAuxiliary,   // be, have, do (as helpers)
  kModal,       // will, would, can, could, may, might, must, shall, should
  kAdjective,
  kAdverb,
  kNegation,    // not, n't, never
  kDeterminer,
  kPreposition,
  kConjunction,      // and, or, but
  kSubordinator,     // that, which, who, because, while, after, ...
  kTo,               // infinitival/prepositional "to"
  kNumber,
  kPossessive,       // 's
  kPunctuation,
};

// Lexical properties the language's lexicon attaches to a word; the coder
// reads these instead of word lists, so it stays language-independent.
enum TokenFlag : uint32_t {
  kFlagSpeech = 1 << 0,      // reporting verb: say, tell, announce
  kFlagHazard = 1 << 1,      // non-political cause: flood, earthquake, crash
  kFlagLocative = 1 << 2,    // preposition introducing a place: in, at, near
  kFlagBe = 1 << 3,          // form of "be" (passive auxiliary)
  kFlagHave = 1 << 4,        // form of "have"
  kFlagRelative = 1 << 5,    // relative pronoun: who, which, that
  kFlagBoundary = 1 << 6,    // starts a new clause: but, while, although
  kFlagQuantity = 1 << 7,    // quantity noun: dozens, hundreds, some
  kFlagParticle = 1 << 8,    // verb particle: up, out, off, down
  kFlagPronoun3 = 1 << 9,    // third-person pronoun that can refer to an actor
  kFlagTemporal = 1 << 10,   // time word: Monday, yesterday, week
  kFlagFuture = 1 << 11,     // future or intention: will, would, willing (to)
  kFlagDeontic = 1 << 12,    // obligation: must, should
  kFlagConditional = 1 << 13,  // condition on a threat: unless
  kFlagNegator = 1 << 14,    // negates the infinitive it governs: "failed to"
  kFlagDefinite = 1 << 15,   // definite determiner: "the arrests" refers back
  kFlagHypothetical = 1 << 16,  // opens or marks a hypothetical: if, may, might, could
  kFlagLocationNoun = 1 << 17,  // place-type noun: town, village, region, state
  kFlagDirection = 1 << 18,     // direction adjective: northern, central, eastern
  kFlagBackground = 1 << 19,    // introduces background: since, following, amid
  kFlagReason = 1 << 20,        // "for" + gerund gives a reason: "arrested for spying"
  kFlagAgentive = 1 << 21,      // introduces the doer of a passive: "by"
  kFlagGenitive = 1 << 22,      // builds noun phrases, not places or roles: "of"
  kFlagCoordinator = 1 << 23,   // joins coordinated mentions: "and", "&"
  kFlagObjectPrep = 1 << 24,    // may introduce the object of a multi-word trigger
  kFlagPurpose = 1 << 25,       // a phrase it opens may state a verb's purpose: "for talks"
  kFlagTarget = 1 << 26,        // its object is the target of an act: "against", "talks with"
  kFlagContainment = 1 << 27,   // plain containment: "forces in Guinea" are Guinea's
  kFlagConjunctive = 1 << 28,   // coordinator that adds up, not alternatives: "and", not "or"
  kFlagRegionNoun = 1 << 29,    // first-level region, before or after its name: "Borno state"
  kFlagRegionNounAfter = 1 << 30,  // a region only after its name: "Idlib governorate"
  // One bit is left: widen TokenFlag, Token::flags and LexEntry::flags to 64
  // bits before adding two more (Token stays 88 bytes).
};

struct Token {
  ByteSpan span;
  uint32_t flags = 0;
  std::string lower;  // lower-cased surface form
  std::string lemma;  // dictionary form (WordNet morphology), lower case
  Tag tag = Tag::kUnknown;
  bool capitalized = false;  // first character is an upper-case letter
  bool all_caps = false;     // two or more letters, all upper case (acronyms)
  bool sentence_initial = false;
  bool plural = false;  // plural form by the front end's morphology: "Iraqis", not "Iraqi"
};

enum class ChunkKind : uint8_t { kNounPhrase, kVerbGroup, kPrepPhrase, kOther };

// A contiguous run of tokens [first, last) in the sentence's token range.
struct Chunk {
  ChunkKind kind = ChunkKind::kOther;
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t head = 0;        // index of the head token
  bool passive = false;     // verb group: "were arrested"
  bool reduced_passive = false;  // passive only because "by" follows: "detained by police"
  bool negated = false;     // verb group: "did not attack"
  bool modal = false;       // verb group: "may attack", "will attack"
  bool infinitive = false;  // verb group introduced by "to"
  bool future = false;      // "will attack", "would withdraw", "willing to talk"
  bool deontic = false;     // "must release", "should stop"
  bool hypothetical = false;  // "may attack", "could ban"
};

// An actor mention found by the entity matcher.
struct Entity {
  uint32_t first = 0;  // token range [first, last) in Document::tokens
  uint32_t last = 0;
  std::string code;    // ISO-3 or IGO/NGO/IMG/MNC; "" when unknown
  std::string sector;  // PLOVER sector (GOV, MIL, ...), "" when none
  std::string name;    // canonical name of a named entity, else ""
  std::string source;  // knowledge-base entry that produced it (file:line)
  std::string note;    // how the code was resolved when not by the entry itself
  bool demonym = false;  // the country came from an adjective ("Ugandan opposition")
  bool place_name = false;  // a bare country or capital name: also a place
};

// A time expression found in a sentence ("on Tuesday", "in March 2024"),
// resolved against the document date.
struct TimeExpression {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  std::string date;         // YYYY-MM-DD, the first day of the period
  std::string granularity;  // day, week, month, year
  std::string rule;         // which rule resolved it (for explanations)
};

// A place mention found in a sentence and resolved in the gazetteer.
struct PlaceMention {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  uint32_t place = 0;  // index in the Gazetteer
  std::string reason;  // why this candidate won ("qualifier: central Mali", "population")
};

struct Sentence {
  ByteSpan span;
  uint32_t first_token = 0;  // token range [first_token, last_token)
  uint32_t last_token = 0;
  std::vector<Chunk> chunks;
  std::vector<Entity> entities;
  std::vector<TimeExpression> times;
  std::vector<PlaceMention> places;
};

// An entity as it appears in an event record.
struct EventArgument {
  std::string text;
  std::string code;
  std::string sector;
  std::string name;
  ByteSpan span;  // in Document::text
  bool implicit = false;  // not in the text: the type's implicit actor
  std::string code_from;  // "" when the words give the code; "location" when the event's place does
};

struct Location {
  std::string name;
  std::string country;    // ISO-3
  std::string admin1;     // first-level region name ("" when unknown)
  double lat = 0;
  double lon = 0;
  std::string precision;  // "place", "admin1" or "country"; "" = no location
  int64_t geonames_id = 0;  // 0 when the place is not from GeoNames
  std::string reason;     // how it was chosen (clause, sentence, document focus, ...)
};

// "12 soldiers killed": a count attached to the event it belongs to.
struct Count {
  std::string kind;  // killed, injured, arrested, abducted, displaced, participants
  int64_t min = 0;
  int64_t max = -1;  // -1 = open-ended ("at least 30")
};

// What the coder saw when it made an event: the inputs of its confidence
// (kb/confidence_model.h), kept so that the score can be computed once the
// event's date and place are known, and explained.
enum class TriggerKind : uint8_t { kVerb, kNoun, kPhrase, kRule };
enum class VerbForm : uint8_t {
  kNone,         // a noun or phrase trigger
  kFinite,       // "attacked", "attacks"
  kPerfect,      // "have attacked"
  kProgressive,  // "are attacking"
  kPassive,      // "were attacked"
  kModal,        // "could attack"
  kFuture,       // "will attack", "vowed to attack"
  kInfinitive,   // "to attack"
  kNonFinite,    // a bare participle or gerund: "attacking", "attacked by"
};
struct EventEvidence {
  float prior = 0;  // the pattern's prior confidence
  TriggerKind trigger = TriggerKind::kVerb;
  VerbForm form = VerbForm::kNone;
  bool pronoun_actor = false;  // the actor is a pronoun's antecedent
  bool merged = false;         // several triggers of the sentence made it
  bool anaphoric = false;      // a definite noun event ("the arrests")
  bool quoted = false;         // the trigger stands inside quotation marks
  bool reported = false;       // a reporting verb frames the sentence ("said")
  uint8_t sentence_events = 0;  // events coded in its sentence
  uint32_t document_sentences = 0;  // a snippet or a long article: analysis pieces hold fewer real events
  uint16_t sentence_tokens = 0;     // long sentences are more often analysis than report
  std::string lemma;                // the trigger's head word (dictionary form)
};

struct Event {
  std::string event_id;
  uint32_t sentence = 0;  // index in Document::sentences
  std::string event;      // PLOVER type
  std::string mode;
  std::vector<std::string> context;
  std::vector<EventArgument> actor;
  std::vector<EventArgument> recipient;
  std::string cameo;
  int quad = 0;
  double score = 0.0;
  ByteSpan trigger;       // in Document::text
  std::string pattern;    // knowledge-base entry that fired (file:line and text)
  double confidence = 0.0;
  Location location;
  std::string date;              // YYYY-MM-DD or "" (null)
  std::string date_granularity;  // day, week, month, year, unresolved
  std::vector<Count> counts;
  std::vector<std::string> aux;  // negated, hypothetical, future, historical
  ByteSpan clause;               // the trigger's clause in Document::text
  // Why the coder rejected this candidate ("eventness: habitual: ..."); ""
  // for an event. Only with --all-candidates do rejected candidates appear.
  std::string verdict;
  EventEvidence evidence;
};

struct Document {
  // Metadata from the reader.
  std::string id;
  std::string title;
  std::string date;    // ISO 8601 as given ("" when absent)
  std::string url;
  std::string source;
  std::string input;   // where it came from: file name
  uint64_t line = 0;   // line (JSONL) or record number (WARC, feeds) in that input, 1-based; 0 for whole files
  uint64_t offset = 0;  // byte offset of the record in its (decompressed) input
  // Fingerprint of the text as read, before normalization (util/content_hash.h),
  // set by the coding run: the store recognises a document it already holds.
  std::string content_hash;

  std::string text;    // normalized text; every span points into it
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::string focus_country;  // the country the document is mostly about ("" if none)
  // Why triggers did or did not become events; filled only when explaining
  // (griot explain), so coding pays nothing for it otherwise.
  std::vector<std::string> explanations;

  std::string_view Slice(ByteSpan s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace griot
