/**
 * Reading the prefetch of a hook call: the one way in is {@link
 * org.ketaminecds.fhir.prefetch.PrefetchResolver#resolve}, per key. {@link
 * org.ketaminecds.fhir.prefetch.Prefetch} holds the scan of the request's {@code prefetch} object
 * ({@link org.ketaminecds.fhir.prefetch.PrefetchScanner}: where each entry is and the few elements
 * that decide whether it matters); the resolver leaves out what cannot give a fact ({@link
 * org.ketaminecds.fhir.prefetch.ResourceRelevance}, implemented by the fact readers), reads the
 * common shapes straight into HAPI's model ({@link
 * org.ketaminecds.fhir.prefetch.CommonShapeReader}) and gives the rest to HAPI's parser, always
 * with only the elements the fact readers declare.
 */
package org.ketaminecds.fhir.prefetch;
