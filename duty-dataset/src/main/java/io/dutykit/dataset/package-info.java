/**
 * The {@code dutykit/1} JSON dataset (SPEC section 5): {@link io.dutykit.dataset.DatasetReader} reads
 * it strictly — one site, an array of sites or a folder of files, streamed site by site — and refuses
 * every input error with a {@link io.dutykit.dataset.DatasetException} naming the JSON path, the value
 * and what is expected; {@link io.dutykit.dataset.DatasetWriter} writes {@link
 * io.dutykit.core.SiteRecords} back so that reading the output gives equal records. The format is
 * documented field by field in {@code docs/dataset.md}.
 */
package io.dutykit.dataset;
