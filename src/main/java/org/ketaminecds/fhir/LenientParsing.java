package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

/**
 * The one FHIR parse policy, for every way FHIR enters the service: hook prefetch, draft orders,
 * FHIR-server answers (set on the client's context), scenarios, the workbench and {@code rules
 * check}. So the same resource gets the same verdict wherever it comes from ({@code
 * ParsePolicyTableTest}). How EHR data is parsed. Unknown elements and attributes are ignored: EHRs
 * send elements from newer FHIR versions and their own additions, and these must not cost the
 * clinician the advice. A value or structure that does not fit its FHIR type is an error, though:
 * HAPI's lenient mode would drop it silently, and a dropped {@code entry} array or abatement date
 * could hide a contraindication. Logging is off because HAPI's messages quote the values, which are
 * patient data.
 */
public final class LenientParsing {
  private LenientParsing() {}

  /** A JSON parser with this policy. */
  public static IParser jsonParser(FhirContext fhirContext) {
    return fhirContext.newJsonParser().setParserErrorHandler(errorHandler());
  }

  /** The policy, for a context whose clients parse the answers of FHIR servers. */
  public static IParserErrorHandler errorHandler() {
    return new UnknownElementsTolerated();
  }

  private static final class UnknownElementsTolerated extends LenientErrorHandler {
    UnknownElementsTolerated() {
      super(false);
      setErrorOnInvalidValue(true);
    }

    @Override
    public void incorrectJsonType(
        IParseLocation location,
        String elementName,
        BaseJsonLikeValue.ValueType expectedValueType,
        BaseJsonLikeValue.ScalarType expectedScalarType,
        BaseJsonLikeValue.ValueType foundValueType,
        BaseJsonLikeValue.ScalarType foundScalarType) {
      throw new DataFormatException("element '" + elementName + "' has the wrong JSON type");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
      throw new DataFormatException("element '" + elementName + "' repeats but may not");
    }
  }
}
