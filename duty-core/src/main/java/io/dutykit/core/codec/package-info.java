/**
 * One codec per kind of record a site keeps ({@link io.dutykit.core.codec.SiteCodec}, {@link
 * io.dutykit.core.codec.EntryCodec}, …): the record's fields, each with its name, {@link
 * io.dutykit.core.codec.FieldType type}, whether a dataset must give it, and how to read it from the
 * record and build the record from it. Every format reads and writes records through these codecs: the
 * duty log's snapshots ({@code io.dutykit.core.chain.Snapshots}, which the chain hashes and the stores
 * keep) and the {@code dutykit/1} dataset (duty-dataset's strict reader and its writer).
 *
 * <p><b>Adding a field</b> (e.g. {@code decidedAt} of an escalation): add the accessor to the record,
 * then, in the codec class only, a {@link io.dutykit.core.codec.Field} constant ({@code
 * Field.instant("decidedAt", Escalation::decidedAt)}), list it in the codec's {@code Codec.of(…)} in
 * the order of SPEC section 5, and pass {@code v.get(DECIDED_AT)} to the constructor in the build
 * function. The dataset reader then accepts it (refusing a malformed value at its JSON path), the writer
 * writes it, every new log record carries it in its snapshot, and the stores keep it. A snapshot written
 * before the field existed reads it as missing, so old chains still verify: their stored text is hashed
 * as it is. Checks that relate several fields or records (an order of instants, a reference that must
 * resolve) are input errors of the dataset format and live in duty-dataset's decoder.
 */
package io.dutykit.core.codec;
