package org.ketaminecds.fhir.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.InvalidPrefetchException;
import org.ketaminecds.fhir.LenientParsing;
import org.ketaminecds.fhir.ModelWarmUp;
import org.ketaminecds.fhir.PrefetchKey;
import org.ketaminecds.web.ComputeHelpers;
import tools.jackson.core.JsonParser;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Reads one prefetch key of a hook call, following CDS Hooks 2.0: a key that is absent, or whose
 * value is an OperationOutcome (the EHR tried and failed), must be fetched by us; JSON {@code null}
 * means the EHR looked and found nothing.
 *
 * <p>A Bundle is not parsed whole. Its entries whose resources cannot give a fact (by {@link
 * ResourceRelevance}) are left out, and the rest go to HAPI as one smaller Bundle of their fullUrl
 * and the elements the facts read, copied byte for byte from the request, so that HAPI reads those
 * as it would have in the full Bundle (ids from {@code fullUrl}, contained resources, its checks
 * and their errors). On a heavy chart this parses a fraction of the resources, and of each only a
 * few elements. What is left out is not checked beyond plain JSON: an invalid value that no fact is
 * made from (in a resource that cannot matter, or in an identifier or the narrative of one that
 * can) no longer fails the call. Entries the scan could not describe are passed on as sent.
 *
 * <p>Of the resources that can give a fact, those of a common shape (the Patient, Conditions,
 * Observations, allergies, the medication resources) are read straight into HAPI's model by {@link
 * CommonShapeReader}, from the same elements; only the rest go to HAPI's parser.
 */
public final class PrefetchResolver {

  private static final byte[] BUNDLE_START =
      "{\"resourceType\":\"Bundle\",\"entry\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BUNDLE_END = "]}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FULL_URL_MEMBER =
      "{\"fullUrl\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESOURCE_MEMBER =
      "{\"resource\":".getBytes(StandardCharsets.US_ASCII);

  /**
   * From how many entries a key is read on the helpers while the scan goes on: a key's entries take
   * about 2 to 5 us each to read, so from a few dozen the reading is worth many times what handing
   * it over costs. The small benchmark chart has no key that large; the heavy one has four.
   */
  static final int READ_WHILE_SCANNING_FROM_ENTRIES = 32;

  /**
   * How many entries are handed to the helpers at a time, as soon as the scan has passed them:
   * small enough that the reading keeps close behind the scan and the call, once it has scanned,
   * waits at most for a slice a helper is halfway through (16 medication statements, about 0.07
   * ms), large enough that handing one over costs nothing beside reading it.
   */
  static final int ENTRIES_PER_SLICE = 16;

  private final FhirContext fhirContext;
  private final ResourceRelevance relevance;

  public PrefetchResolver(FhirContext fhirContext, ResourceRelevance relevance) {
    this.fhirContext = fhirContext;
    this.relevance = relevance;
    ModelWarmUp.scan(fhirContext);
  }

  /**
   * What the prefetch holds for one key.
   *
   * @param entries the resources sent
   * @param nextUrl the {@code next} link of a paged searchset, or null: when set, {@code entries}
   *     are only the first page and the rest must be fetched from there
   */
  public record Resolved(List<ChartEntry> entries, String nextUrl) {
    static Resolved complete(List<ChartEntry> entries) {
      return new Resolved(entries, null);
    }

    public boolean paged() {
      return nextUrl != null;
    }
  }

  /**
   * The key's resources, or empty when the key has to be fetched from the FHIR server.
   *
   * @throws InvalidPrefetchException when the value is neither null nor a resource for the key
   */
  public Optional<Resolved> resolve(PrefetchKey key, Prefetch prefetch) {
    EarlyRead early = prefetch.earlyRead(key);
    if (early != null) {
      return Optional.of(early.join());
    }
    if (!prefetch.contains(key.key())) {
      return Optional.empty();
    }
    return resolve(key, prefetch.get(key.key()));
  }

  /**
   * Scans the prefetch object of a request body in the pass that reads the request (see {@link
   * Prefetch#scan}). With helpers, a Bundle's entries, once there are {@link
   * #READ_WHILE_SCANNING_FROM_ENTRIES} of them, are handed to the helpers {@link
   * #ENTRIES_PER_SLICE} at a time as the scan passes them, and read there while the scan goes on;
   * {@link #resolve} then reads the slices no helper has taken yet and waits for the others.
   *
   * @param parser at the START_OBJECT of the prefetch object; left at its END_OBJECT
   * @param body the bytes the parser reads, from their first byte
   */
  public Prefetch scan(JsonParser parser, byte[] body, ComputeHelpers helpers) {
    if (helpers.helpers() == 0) {
      return Prefetch.scan(parser, body);
    }
    var reading = new ReadWhileScanning(body, helpers);
    Map<String, PrefetchValue> values = PrefetchScanner.scanObject(parser, body, reading);
    return new Prefetch(values, reading.early);
  }

  /** Hands the entries of large Bundles to the helpers as the scan passes them. */
  private final class ReadWhileScanning implements PrefetchScanner.Listener {
    private final Map<PrefetchKey, EarlyRead> early = new EnumMap<>(PrefetchKey.class);
    private final byte[] body;
    private final ComputeHelpers helpers;
    // The reading of the value being scanned, or null.
    private EarlyRead current;

    ReadWhileScanning(byte[] body, ComputeHelpers helpers) {
      this.body = body;
      this.helpers = helpers;
    }

    @Override
    public void entryScanned(PrefetchKey key, List<PrefetchValue.ScannedEntry> entries) {
      if (entries.size() < READ_WHILE_SCANNING_FROM_ENTRIES) {
        return;
      }
      if (current == null || current.entries != entries) {
        // A second entry array of one Bundle makes it irregular: what was handed out is dropped.
        current = new EarlyRead(key, body, entries, helpers);
      }
      current.handOutSlices(false);
    }

    @Override
    public void valueScanned(PrefetchKey key, PrefetchValue value) {
      EarlyRead read = current;
      current = null;
      if (read != null
          && value instanceof PrefetchValue.ScannedBundle bundle
          && bundle.entries() == read.entries) {
        read.handOutSlices(true);
        read.nextUrl = bundle.nextUrl();
        early.put(key, read);
      } else {
        // Too few entries, a value that is not a regular Bundle after all, or a later duplicate
        // of the key, which replaces an earlier value and its reading. What a helper may have
        // read of it is dropped unused; the value is read as the scan left it.
        early.remove(key);
      }
    }
  }

  /** A Bundle whose entries were handed to the helpers in slices while it was being scanned. */
  final class EarlyRead {
    private final PrefetchKey key;
    private final byte[] source;
    // The scan's own list: read only on the scanning thread, while it hands out slices.
    private final List<PrefetchValue.ScannedEntry> entries;
    private final ComputeHelpers helpers;
    private final List<ComputeHelpers.Shared<Slice>> slices = new ArrayList<>();
    private int handedOutUpTo;
    private String nextUrl;

    private EarlyRead(
        PrefetchKey key,
        byte[] source,
        List<PrefetchValue.ScannedEntry> entries,
        ComputeHelpers helpers) {
      this.key = key;
      this.source = source;
      this.entries = entries;
      this.helpers = helpers;
    }

    /**
     * Hands out each whole slice of entries not handed out yet; with {@code rest}, the last entries
     * too, in a shorter slice.
     */
    private void handOutSlices(boolean rest) {
      int count = entries.size();
      while (count - handedOutUpTo >= ENTRIES_PER_SLICE || (rest && handedOutUpTo < count)) {
        int end = Math.min(count, handedOutUpTo + ENTRIES_PER_SLICE);
        // A copy: the helper must not read the list the scan goes on adding to.
        var slice = new Slice(key, source, List.copyOf(entries.subList(handedOutUpTo, end)));
        slices.add(helpers.share(List.of(slice)));
        handedOutUpTo = end;
      }
    }

    /**
     * What the key holds: the slices no helper has taken are read here first, then those a helper
     * is reading are waited for. The first failing slice, in the Bundle's order, is thrown.
     */
    Resolved join() {
      slices.forEach(ComputeHelpers.Shared::runUntaken);
      var read = new ArrayList<Slice>(slices.size());
      for (ComputeHelpers.Shared<Slice> slice : slices) {
        read.addAll(slice.join());
      }
      return new Resolved(entriesOf(key, source, read), nextUrl);
    }
  }

  /** A key that was sent: its value as the scan left it. */
  private Optional<Resolved> resolve(PrefetchKey key, PrefetchValue value) {
    if (value == null || value instanceof PrefetchValue.JsonNull) {
      return Optional.of(Resolved.complete(List.of()));
    }
    if (value instanceof PrefetchValue.NotAnObject notAnObject) {
      throw new InvalidPrefetchException(
          "prefetch key '"
              + key.key()
              + "' holds a JSON "
              + notAnObject.jsonType()
              + ", expected a FHIR resource or null");
    }
    if (value instanceof PrefetchValue.ScannedBundle bundle) {
      return Optional.of(new Resolved(entriesOfBundle(key, bundle), bundle.nextUrl()));
    }
    IBaseResource resource = parseWhole(key, (PrefetchValue.Whole) value);
    if (resource instanceof OperationOutcome) {
      return Optional.empty();
    }
    if (resource instanceof Bundle bundle) {
      Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
      return Optional.of(
          new Resolved(
              key.resourcesIn(bundle).stream().map(ChartEntry::parsed).toList(),
              next != null && next.hasUrl() && !next.getUrl().isBlank() ? next.getUrl() : null));
    }
    if (key.isTypeOf(resource)) {
      return Optional.of(Resolved.complete(List.of(ChartEntry.parsed((Resource) resource))));
    }
    throw new InvalidPrefetchException(
        "prefetch key '"
            + key.key()
            + "' holds a "
            + fhirContext.getResourceType(resource)
            + ", expected a Bundle or "
            + key.resourceTypes().stream()
                .map(Class::getSimpleName)
                .collect(Collectors.joining(" or ")));
  }

  private List<ChartEntry> entriesOfBundle(PrefetchKey key, PrefetchValue.ScannedBundle bundle) {
    var all = new Slice(key, bundle.source(), bundle.entries());
    return entriesOf(key, bundle.source(), List.of(all.call()));
  }

  /**
   * Consecutive entries of a Bundle, read one by one ({@link #call}, on whichever thread takes
   * them): each left out, or read straight into HAPI's model when it has a common shape, or else
   * left for HAPI's parser.
   */
  final class Slice implements Callable<Slice> {
    private final PrefetchKey key;
    private final byte[] source;
    private final List<PrefetchValue.ScannedEntry> entries;
    // Written by the one thread that reads the slice; read once its reading is known to be done
    // (ComputeHelpers.Shared#join waits for it).
    private final boolean[] leftOut;
    private final Resource[] readDirectly;

    Slice(PrefetchKey key, byte[] source, List<PrefetchValue.ScannedEntry> entries) {
      this.key = key;
      this.source = source;
      this.entries = entries;
      this.leftOut = new boolean[entries.size()];
      this.readDirectly = new Resource[entries.size()];
    }

    @Override
    public Slice call() {
      Scratch scratch = SCRATCH.get();
      for (int i = 0; i < entries.size(); i++) {
        PrefetchValue.ScannedEntry entry = entries.get(i);
        if (hasPlainIdentity(key, entry)) {
          leftOut[i] = !relevance.mayGiveFacts(entry.resource());
          readDirectly[i] = leftOut[i] ? null : readCommonShape(source, entry, scratch);
        }
      }
      return this;
    }
  }

  /**
   * A key's entries in the Bundle's order, from its slices once each is read: the entries that need
   * HAPI's parser are given to it in one Bundle of their own.
   */
  private List<ChartEntry> entriesOf(PrefetchKey key, byte[] source, List<Slice> slices) {
    // Made only when an entry needs HAPI's parser: on the usual charts none does, and a buffer per
    // key was a tenth of a small chart's garbage.
    ByteArrayOutputStream toHapi = null;
    int count = 0;
    for (Slice slice : slices) {
      count += slice.entries.size();
      for (int i = 0; i < slice.entries.size(); i++) {
        if (!slice.leftOut[i] && slice.readDirectly[i] == null) {
          if (toHapi == null) {
            toHapi = new ByteArrayOutputStream(4096);
            toHapi.writeBytes(BUNDLE_START);
          } else {
            toHapi.write(',');
          }
          copyEntry(source, slice.entries.get(i), toHapi);
        }
      }
    }
    List<Bundle.BundleEntryComponent> parsed = List.of();
    if (toHapi != null) {
      toHapi.writeBytes(BUNDLE_END);
      parsed = parseBundle(key, toHapi).getEntry();
    }
    var entries = new ArrayList<ChartEntry>(count);
    int next = 0;
    for (Slice slice : slices) {
      for (int i = 0; i < slice.entries.size(); i++) {
        PrefetchValue.ScannedEntry entry = slice.entries.get(i);
        if (slice.leftOut[i]) {
          entries.add(ChartEntry.leftOut(entry.resource().resourceType(), entry.id()));
        } else if (slice.readDirectly[i] != null) {
          entries.add(ChartEntry.parsed(slice.readDirectly[i]));
        } else {
          Resource resource = parsed.get(next++).getResource();
          if (resource != null && key.isTypeOf(resource)) {
            entries.add(ChartEntry.parsed(resource));
          }
        }
      }
    }
    return entries;
  }

  /**
   * The resource of an entry read without HAPI's parser when it has a common shape (see {@link
   * CommonShapeReader}), from the same elements HAPI would be given; else null. A relative
   * medication reference is read as it is written: the facts find the Medication it names among the
   * chart's ({@code facts.fhir.MedicationLookup}); any other is left to HAPI, which links it to the
   * Medication it names in the Bundle.
   */
  private Resource readCommonShape(
      byte[] source, PrefetchValue.ScannedEntry entry, Scratch scratch) {
    ScannedResource resource = entry.resource();
    if (!CommonShapeReader.reads(resource.resourceType())) {
      return null;
    }
    String type = resource.resourceType();
    kept(type, entry.members(), source, scratch);
    return CommonShapeReader.read(type, scratch.bytes(), 0, scratch.size());
  }

  /** The resource with only the elements the facts read, written into {@code into}. */
  private Scratch kept(String type, ResourceMembers members, byte[] source, Scratch into) {
    into.reset();
    members.writeKept(source, name -> relevance.readsElement(type, name), into);
    return into;
  }

  /**
   * One scratch buffer per thread: the kept members of an entry are written into it and read back
   * at once (nothing read keeps a reference to its bytes), so every entry of every call on a thread
   * can use the same one.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** A buffer reused for each entry of a Bundle, whose bytes are read where they are. */
  private static final class Scratch extends ByteArrayOutputStream {
    private static final int SIZE = 1024;
    // A buffer grown for an unusually large resource is not kept by the thread for good.
    private static final int LARGEST_KEPT = 64 * 1024;

    Scratch() {
      super(SIZE);
    }

    // ByteArrayOutputStream's writes lock the stream on every call; a scratch buffer is never
    // shared between threads, and a resource is copied in many small writes.
    @Override
    public void write(int b) {
      ensureRoom(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ensureRoom(length);
      System.arraycopy(bytes, offset, buf, count, length);
      count += length;
    }

    @Override
    public void writeBytes(byte[] bytes) {
      write(bytes, 0, bytes.length);
    }

    @Override
    public int size() {
      return count;
    }

    @Override
    public void reset() {
      count = 0;
      if (buf.length > LARGEST_KEPT) {
        buf = new byte[SIZE];
      }
    }

    private void ensureRoom(int more) {
      if (buf.length - count < more) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }

    byte[] bytes() {
      return buf;
    }
  }

  /** A single resource, of which HAPI sees only the elements the facts read. */
  private IBaseResource parseWhole(PrefetchKey key, PrefetchValue.Whole whole) {
    if (whole.members() == null) {
      return parse(key, whole.source(), whole.offset(), whole.length());
    }
    String type = whole.resourceType();
    Scratch json = kept(type, whole.members(), whole.source(), SCRATCH.get());
    Resource read =
        CommonShapeReader.reads(type)
            ? CommonShapeReader.read(type, json.bytes(), 0, json.size())
            : null;
    return read != null ? read : parse(key, json.bytes(), 0, json.size());
  }

  /**
   * An entry as HAPI is to read it: as sent when the scan could not describe it; else with its
   * fullUrl and its resource, of which only the elements the facts read.
   */
  private void copyEntry(
      byte[] source, PrefetchValue.ScannedEntry entry, ByteArrayOutputStream to) {
    if (entry.members() == null) {
      to.write(source, entry.offset(), entry.length());
      return;
    }
    if (entry.fullUrl() == null) {
      to.writeBytes(RESOURCE_MEMBER);
    } else {
      to.writeBytes(FULL_URL_MEMBER);
      to.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(entry.fullUrl()));
      to.write('"');
      to.write(',');
      to.write(RESOURCE_MEMBER, 1, RESOURCE_MEMBER.length - 1);
    }
    String type = entry.resource().resourceType();
    entry.members().writeKept(source, name -> relevance.readsElement(type, name), to);
    to.write('}');
  }

  /**
   * A described resource of one of the key's types whose identity every reading gives the same way
   * (a plain id, and a fullUrl that is absent or ends in Type/id): it may be left out, or read
   * without HAPI, and still be known by the same Type/id.
   */
  private static boolean hasPlainIdentity(PrefetchKey key, PrefetchValue.ScannedEntry entry) {
    ScannedResource resource = entry.resource();
    String id = entry.id();
    if (resource == null || id == null || !isPlainId(id)) {
      return false;
    }
    String type = resource.resourceType();
    if (!key.holdsType(type)) {
      return false;
    }
    String fullUrl = entry.fullUrl();
    return fullUrl == null || endsWithTypeAndId(fullUrl, type, id);
  }

  /**
   * A plain FHIR id: 1 to 64 letters, digits, '-' and '.'. Left-out entries are known by Type/id,
   * so it must mean the same to HAPI. (Checked per entry of every chart, so without a regex.)
   */
  static boolean isPlainId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean plain =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** Whether the URL ends in {@code /type/id}. */
  static boolean endsWithTypeAndId(String url, String type, String id) {
    int idStart = url.length() - id.length();
    int typeStart = idStart - 1 - type.length();
    return typeStart >= 1
        && url.startsWith(id, idStart)
        && url.charAt(idStart - 1) == '/'
        && url.startsWith(type, typeStart)
        && url.charAt(typeStart - 1) == '/';
  }

  private Bundle parseBundle(PrefetchKey key, ByteArrayOutputStream json) {
    byte[] bytes = json.toByteArray();
    if (parse(key, bytes, 0, bytes.length) instanceof Bundle bundle) {
      return bundle;
    }
    throw new IllegalStateException("HAPI read a Bundle as another resource");
  }

  private IBaseResource parse(PrefetchKey key, byte[] source, int offset, int length) {
    IParser parser = LenientParsing.jsonParser(fhirContext);
    try {
      return parser.parseResource(new ByteArrayInputStream(source, offset, length));
    } catch (RuntimeException e) {
      // HAPI's message quotes the JSON it choked on: not passed on, as it may be patient data.
      throw new InvalidPrefetchException(
          "prefetch key '" + key.key() + "' is not a FHIR resource that can be parsed");
    }
  }
}
