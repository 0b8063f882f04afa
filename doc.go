// Package digest reads and writes news digests: plain-text summaries of one
// news article, as copied out of a news-analysis tool, turned into typed,
// validated data and back.
//
// A digest text is a title, an optional subtitle, then five sections, each
// opened by a header line:
//
//	Réunion de la Ligue arabe
//	Une réunion consultative pour la cause palestinienne.
//	SUMMARY
//	Une réunion consultative a eu lieu au Caire.
//	KEY HIGHLIGHTS
//	- Le Secrétaire général a reçu deux ambassadeurs.
//	CORE SUBJECT
//	Coordination des efforts
//	La réunion vise à unifier les positions.
//	KEYWORDS
//	Ligue arabe, OCI
//	MENTIONED ENTITIES 1
//	Hussein Ibrahim Taha
//	👤 Person_MaleSecrétaire général de l'OCI
//
// [Parse] gives the [Digest]
//
//	{
//	  "title": "Réunion de la Ligue arabe",
//	  "subtitle": "Une réunion consultative pour la cause palestinienne.",
//	  "summary": "Une réunion consultative a eu lieu au Caire.",
//	  "highlights": ["Le Secrétaire général a reçu deux ambassadeurs."],
//	  "core_subject": {
//	    "heading": "Coordination des efforts",
//	    "paragraphs": ["La réunion vise à unifier les positions."]
//	  },
//	  "keywords": ["Ligue arabe", "OCI"],
//	  "entities": [{"name": "Hussein Ibrahim Taha", "type": "Person_Male",
//	    "description": "Secrétaire général de l'OCI"}]
//	}
//
// and [Format] writes it back in the canonical text form, which differs
// from the input above in two places: each keyword is on a line of its
// own, after "- ", and a space follows the entity type.
//
// # Text
//
// The text format is specified in FORMAT.md, version 1. Parse tolerates
// what copy-paste leaves behind: any line break (LF, CRLF, CR, U+0085,
// U+2028, U+2029), a byte order mark, blank lines, white space and invisible
// format characters at the ends of lines, text in NFD (every value is
// returned in NFC), headers in any case, in French, with Markdown
// decoration ("## Summary", "**RÉSUMÉ**", "Mots-clés:"), list markers, and
// icons glued to the type name after them.
//
// Where FORMAT.md leaves room, this package decides as follows:
//
//   - Columns count bytes from the start of the line, starting at 1; a
//     leading byte order mark is not counted.
//   - U+200B and U+FEFF are removed from a line before its runs of spaces
//     are made one (FORMAT.md §1): "A \u200b B" reads "A B".
//   - Markdown decoration is read in headers only (and a keyword's leading
//     '#', as FORMAT.md §4 says), and list markers in highlights and
//     keywords only: the title "# Réunion" and the name line "**Hussein
//     Taha**" keep theirs.
//   - In a header, white space is trimmed after each step that can expose
//     it (so "## **Summary**" and the French "Résumé :" are headers), a ':'
//     may also stand after the "**" pair ("**Summary**:") or after the
//     entity count ("Mentioned entities (6):"), the count may stand after
//     the pair ("**Mentioned entities** (6)"), white space and invisible
//     format characters may stand inside the count's parentheses ("( 6 )"),
//     and any white space inside the name counts as a space
//     ("KEY HIGHLIGHTS" with a no-break space is a header). So
//     "**Summary:**:" is a header, a ':' inside the pair and one after it,
//     but "Summary::" is not. Case folding is Unicode simple case folding,
//     so U+212A KELVIN SIGN reads as 'k' but Cyrillic 'С' does not read as
//     'C'.
//   - Invalid UTF-8 reads as one U+FFFD for each bad byte, and gives one
//     error for each run of bad bytes. UTF-16 is not decoded: a text in
//     UTF-16 that starts with its byte order mark gives at 1:1 an error
//     that names that mark. For one without the mark, the first error, a
//     NUL or another control character or a bad byte, says that the text
//     looks like UTF-16: in any script when two of the line feeds in its
//     first 16 KiB are in UTF-16 ('\n' beside a NUL, at an even offset, in
//     one byte order). Otherwise, when that error is on the first line:
//     when the line's first 32 characters, two at least, are all below
//     U+2000 (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai and most
//     scripts of India among others), none of them a multiple of 256
//     (U+0100, U+1F00 ἀ), whose low byte is a NUL; their low bytes not
//     all the same; and one of them below U+0100, unless all are of one
//     block of 256 (Cyrillic's U+0400 to U+04FF, say). That line ends, as
//     any does, at a byte 0x0A or 0x0D, which in UTF-16 is also half of
//     some characters (Њ U+040A, č U+010D, ऊ U+090A, all of Gurmukhi and
//     of Malayalam): a text of one line may then not be named. A text in
//     UTF-32 is named so by its byte order mark, or, without one, when
//     every four bytes of its first 16 KiB read as a character in UTF-32
//     and it starts with an ASCII character or two of its line feeds there
//     are in UTF-32.
//     Control characters are reported and kept in the partial result;
//     U+000B and U+000C at the ends of a line are reported too, but
//     trimmed, as they are white space.
//   - NFC is that of golang.org/x/text/unicode/norm, which keeps text in the
//     Stream-Safe Text Format: after 30 non-starters in a row it inserts
//     U+034F COMBINING GRAPHEME JOINER. A non-starter is a character of
//     canonical combining class other than 0, counted in each character's
//     decomposition: U+1E69 ṩ, of class 0, ends with two. Most combining
//     marks are non-starters, but not all (U+0902 DEVANAGARI SIGN ANUSVARA
//     is not one, and a run of them is kept as it is); the messages call
//     them combining marks.
//   - Between an icon and its type name, only white space may stand: an
//     invisible format character there (such as a right-to-left override;
//     not U+200B or U+FEFF, which reading removes from every line first),
//     or U+FE0E, the text-style selector, which FORMAT.md does not count in
//     an icon as it does U+FE0F, leaves the line without a type name. That
//     error stands where the type name is due, past the icon and white
//     space, unless the lexer changed the line's text (its tabs, say), and
//     its message escapes the invisible characters it quotes.
//   - Icons, like every rule of FORMAT.md §2 to §5, are read on the line's
//     NFC text. The 14 symbols that NFC splits into a symbol and a
//     combining mark (U+2ADC, U+1D15E to U+1D164, U+1D1BB to U+1D1C0) end
//     the icon at that mark, and leave the line without a type name.
//   - The digits of a list marker ("1." or "2)") are ASCII digits, as those
//     of an entity count are: "١. أول" keeps its marker.
//   - A line's ends are trimmed before its list marker is looked for, and
//     "-", "*", "+", "–", "—" and "1." or "1)" are markers only with white
//     space after them, as FORMAT.md §4 says: a highlight line "- " is the
//     highlight "-", not an empty one, and the keyword "*" is kept. The
//     bullets "•", "·", "‣", "▪" and "◦" need no white space, so a bare "•"
//     is an empty highlight, dropped.
//   - An icon is any run of characters of category So or Sk, which holds
//     ASCII and Latin-1 characters too: '^', '`', '©', '®', '°' and '´',
//     among others, start a type line as an emoji does (and so do the
//     non-ASCII characters of category Sm, such as '×'). So does U+FFFD, and
//     with it a byte that is not UTF-8 at the start of a line, which reads
//     as U+FFFD and is reported too. An emoji that is not a symbol
//     without its U+FE0F, such as 'ℹ' (a letter), is no icon.
//   - A known type name is found as a prefix, compared case-insensitively
//     (FORMAT.md §5) in ASCII, as type names are ASCII ("Perſon_Male", with
//     U+017F, is no known type, unlike headers, which fold as Unicode
//     does): after a name line, "Eventually" reads as the type Event with
//     the description "ually". An unknown type is the longest prefix of the
//     form [A-Z][a-z]*(_[A-Z][a-z]*)*: "👤 HEAD d" gives the type "H" and
//     the description "EAD d". FORMAT.md §5 is at odds with itself when
//     that prefix spells a known name followed by '_' and a lower-case
//     letter, as in "👤 Person_Male_adult d": the known name is refused
//     there, and the unknown type, which validation is to reject, would be
//     that same name. The unknown type then also takes the parts of the
//     form _[A-Za-z][a-z]* that follow: the type is "Person_Male_adult",
//     which Validate rejects, not Person_Male with the description "_adult
//     d". "👤 Political_party d" still gives "Political" and "_party d".
//   - Duplicate keywords and entity names are found with full Unicode case
//     folding (golang.org/x/text/cases.Fold), not the simple folding of
//     headers: "Straße" and "STRASSE" are duplicates. The folded texts are
//     then compared byte by byte, neither normalized again nor with their
//     white space made alike: "Gaza City" and "gaza city" with a no-break
//     space are two keywords.
//   - A type line with no name line before it makes an entity with an empty
//     name. A header ends the entity before it: a name line just before a
//     header has no type line.
//   - Each MENTIONED ENTITIES header that carries a count is checked against
//     the number of name lines in the whole section. A count may have
//     leading zeros ("006" is 6); one of more than nine digits after them
//     matches no section.
//   - The lines after a header met again join those of its first
//     section (FORMAT.md §2), and the core subject's heading is the first
//     line of the lines so joined: "CORE SUBJECT" with no line, then after
//     another section "CORE SUBJECT" again, "B" and "C", give the heading
//     "B" and the paragraph "C", besides the duplicate section error.
//   - Whether the core subject's first line ends with sentence-final
//     punctuation is told by its last character alone: `Il a dit « non. »`
//     ends with '»' and is a heading.
//   - The canonical text is longer than a terse input (headers, "- "
//     markers, icons), so the round trip of FORMAT.md §7 holds for digests
//     whose canonical text is within the size limit; [Validate] reports a
//     digest whose canonical text is not.
//
// A line that is not a header by FORMAT.md §2 is a line of the section, or
// of the preamble, it stands in, and neither Parse nor Validate can tell
// it from one: after KEYWORDS, "MENTIONED ENTITIES (2 total)", whose count
// §2 does not take, and the entity lines after it read as keywords, and
// the digest has no entity; before SUMMARY, "SUMARY" is a subtitle line.
// Where a count of entities is expected, check it.
//
// # Errors
//
// Parse reports what is wrong with the text, by position: an [ErrorList] of
// [*ParseError], each wrapping one of the Err sentinels, so that
// errors.Is(err, ErrMissingTitle) works on the list. It always returns the
// digest as far as it could read it, except for input over the size limit.
// [Validate] reports what is wrong with a digest, wherever it came from, by
// JSON Pointer. Unless [Parser.AllErrors] is set, both lists stop at
// [DefaultMaxErrors] errors and one last that counts the others and wraps
// their sentinels: errors.Is finds a problem whether the list shows it or
// not.
//
// # Performance
//
// Parse reads the text once. Printable ASCII, accented Latin letters,
// common punctuation and emoji need no cleaning and are always NFC, so the
// lexer passes over them many bytes at a time: 32 on amd64 (in assembly,
// with AVX2 where the processor has it, else SSE2), 8 elsewhere. Building
// with the tag purego uses the portable code everywhere. Values are, where
// they can be, slices of one copy of the input, which the lexer makes as it
// reads each line, so that a large input is read from memory once: the
// digest shares no memory with the caller's bytes, but a value kept alone
// keeps that copy alive, or the buffer that holds its new text when the
// lexer changed its line: keep a [Digest.Clone] of a digest held for long,
// or [strings.Clone] of a value. A Parse allocates at most three times for
// a small digest whose entities header declares their count (that copy, the
// digest, and its entities if it has any), and a few times more, not once
// per line, for a large one, or one with no count, as its lists grow; the
// entities are sized from the count a header declares, and a count far
// above the entities read costs one more allocation, which gives the room
// back. A subtitle or summary of several lines costs one more, for the text
// that joins them, and one more each time that text outgrows its room, which
// then doubles; and each error up to about ten more. The lines that need
// cleaning (a tab, two spaces in a row, U+200B, an invalid byte) or that NFC
// changes write their new texts one after another in buffers of 4 KiB,
// doubling up to 64 KiB, none larger than the rest of the input: a digest
// whose every line is in NFD costs one more allocation for each 64 KiB of
// new text, not one a line (a line both cleaned and made NFC writes its text
// twice). A value so changed keeps its buffer alive, at most 64 KiB; a new
// text longer than that gets a buffer of its own, copied out of when the
// text fills less than half of it, so that a short value does not keep a
// long line alive.
//
// Text in NFD, where an accented letter is a letter and a combining mark,
// takes three to four times as long to parse as the same text in NFC: an ASCII
// letter and one mark are composed with a table. Most marks of Indic
// scripts, Thai, Hebrew and Arabic combine with no rune, and only their
// order is checked, with a table too. Other text that holds marks, those
// that combine among them, goes through golang.org/x/text's normalization,
// which is slower again. PERFORMANCE.md gives figures.
//
// Format allocates once, for the text it returns; [AppendFormat] into a
// buffer with room does not allocate, which spares a loop over many
// digests the allocations and the garbage collector's work for them,
// about twice the formatting's own cost or more.
//
// Validate reads each text once, in the same way, and allocates nothing for
// a valid digest, however long its lists or whatever its script, even with
// combining marks, once a call has run on lists as long: it finds duplicate
// keywords and names among their case-folded forms, kept in buffers and a
// hash table in a pool for the next call, which the garbage collector may
// empty; the call after that allocates them again. PERFORMANCE.md gives
// figures.
//
// # JSON
//
// The JSON form of a Digest is the one encoding/json gives: every key
// present, lists as [] and never null. The JSON Schema that non-Go
// consumers use is [Schema].
package digest
