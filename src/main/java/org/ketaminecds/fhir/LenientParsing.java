package org.ketaminecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

/**
 * How EHR data is parsed. Unknown elements and attributes are ignored: EHRs send elements from
 * newer FHIR versions and their own additions, and these must not cost the clinician the advice. A
 * value or structure that does not fit its FHIR type is an error, though: HAPI's lenient mode would
 * drop it silently, and a dropped {@code entry} array or abatement date could hide a
 * contraindication. Logging is off because HAPI's messages quote the values, which are patient
 * data.
 */
final class LenientParsing {
  private LenientParsing() {}

  static IParserErrorHandler errorHandler() {
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
