/**
 * The labels OFAC uses inside the Remarks column, and what each one means to Sentinela: an
 * identifier type, or a named attribute kept for the analyst. Taken from the labels that occur in
 * the published SDN and consolidated files (2024–2025).
 */
import type { IdentifierType } from '../core/index.js';

/** Labels whose value is an identifier number; the longest matching label wins. */
export const OFAC_IDENTIFIER_LABELS: ReadonlyArray<readonly [string, IdentifierType]> = [
  ['Passport', 'passport'],
  ['Diplomatic Passport', 'passport'],
  ['Passport Booklet', 'passport'],
  ['Travel Document Number', 'passport'],
  ['National ID No.', 'national-id'],
  ['National Foreign ID Number', 'national-id'],
  ['Identification Number', 'national-id'],
  ['Personal ID Card', 'national-id'],
  ['D.N.I.', 'national-id'],
  ['Credencial electoral', 'national-id'],
  ['I.F.E.', 'national-id'],
  ['Electoral Registry No.', 'national-id'],
  ['Numero de Identidad', 'national-id'],
  ['Turkish Identification Number', 'national-id'],
  ['Kenyan ID No.', 'national-id'],
  ["Citizen's Card Number", 'national-id'],
  ['Tazkira National ID Card', 'national-id'],
  ['Residency Number', 'national-id'],
  ['UAE Identification', 'national-id'],
  ['Refugee ID Card', 'national-id'],
  ['C.U.I.P.', 'national-id'],
  ['Cedula No.', 'cedula'],
  ['R.F.C.', 'rfc'],
  ['R.F.C. #', 'rfc'],
  ['RFC', 'rfc'],
  ['C.U.R.P.', 'curp'],
  ['C.U.R.P. #', 'curp'],
  ['CURP', 'curp'],
  ['Tax ID No.', 'tax-id'],
  ['NIT #', 'tax-id'],
  ['RUC #', 'tax-id'],
  ['RIF #', 'tax-id'],
  ['V.A.T. Number', 'tax-id'],
  ['Italian Fiscal Code', 'tax-id'],
  ['US FEIN', 'tax-id'],
  ['C.U.I.T.', 'tax-id'],
  ['C.U.I.', 'tax-id'],
  ['C.I.F.', 'tax-id'],
  ['RTN', 'tax-id'],
  ['Numero Unico de Identificacao Tributaria (NUIT)', 'tax-id'],
  ['SSN', 'ssn'],
  ['Registration Number', 'registration'],
  ['Registration ID', 'registration'],
  ['Business Registration Number', 'registration'],
  ['Business Registration Document #', 'registration'],
  ['Public Registration Number', 'registration'],
  ['Company Number', 'registration'],
  ['UK Company Number', 'registration'],
  ['Commercial Registry Number', 'registration'],
  ['Folio Mercantil No.', 'registration'],
  ['Matricula Mercantil No', 'registration'],
  ['Unified Social Credit Code (USCC)', 'registration'],
  ['United Social Credit Code Certificate (USCCC)', 'registration'],
  ['Legal Entity Number', 'registration'],
  ['Government Gazette Number', 'registration'],
  ['C.R. No.', 'registration'],
  ['Romanian C.R.', 'registration'],
  ['Trade License No.', 'registration'],
  ['Enterprise Number', 'registration'],
  ['Business Number', 'registration'],
  ['D-U-N-S Number', 'registration'],
  ['Chamber of Commerce Number', 'registration'],
  ['Istanbul Chamber of Comm. No.', 'registration'],
  ['Dubai Chamber of Commerce Membership No.', 'registration'],
  ['Economic Register Number (CBLS)', 'registration'],
  ['Central Registration System Number', 'registration'],
  ['Certificate of Incorporation Number', 'registration'],
  ['Registered Charity No.', 'registration'],
  ['Chinese Commercial Code', 'registration'],
  ['BIK (RU)', 'registration'],
  ['Vessel Registration Identification IMO', 'imo'],
  ['Identification Number IMO', 'imo'],
  ['Company Number IMO', 'imo'],
  ['IMO', 'imo'],
  ['MMSI', 'mmsi'],
  ['Aircraft Tail Number', 'tail-number'],
  ['Previous Aircraft Tail Number', 'tail-number'],
  ['Vessel Registration Identification', 'registration'],
  ['SWIFT/BIC', 'swift-bic'],
  ['Email Address', 'email'],
  ['Website', 'website'],
  ["Aircraft Manufacturer's Serial Number (MSN)", 'other'],
  ['Aircraft Construction Number (also called L/N or S/N or F/N)', 'other'],
  ['Aircraft Mode S Transponder Code', 'other'],
  ['Aircraft Serial Identification', 'other'],
  ['Birth Certificate Number', 'other'],
  ["Driver's License No.", 'other'],
  ['Pilot License Number', 'other'],
  ['ISIN', 'other'],
  ['Digital Currency Address', 'other'],
];

/** Labels whose value is kept as a named attribute (key on the right). */
export const OFAC_ATTRIBUTE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['Organization Type:', 'organizationType'],
  ['Organization Established Date', 'organizationEstablished'],
  ['Target Type', 'targetType'],
  ['Secondary sanctions risk:', 'secondarySanctionsRisk'],
  ['Additional Sanctions Information -', 'additionalSanctionsInformation'],
  [
    'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:',
    'transactionsProhibited',
  ],
  ['Executive Order 13846 information:', 'eo13846Information'],
  ['Listing Date', 'listingDate'],
  ['Effective Date', 'effectiveDate'],
  ['Aircraft Model', 'aircraftModel'],
  ['Aircraft Operator', 'aircraftOperator'],
  ['Aircraft Manufacture Date', 'aircraftManufactureDate'],
  ['Vessel Year of Build', 'vesselYearOfBuild'],
  ['Former Vessel Flag', 'formerVesselFlag'],
  ['Other Vessel Flag', 'otherVesselFlag'],
  ['Other Vessel Type', 'otherVesselType'],
  ['Nationality of Registration', 'nationalityOfRegistration'],
  ['Phone Number', 'phone'],
  ['Telephone', 'phone'],
  ['Fax', 'fax'],
  ['Equity Ticker', 'equityTicker'],
  ['Issuer Name', 'issuerName'],
  ['Title:', 'title'],
];

/** Finds the longest label that `part` starts with (followed by a space, colon, '#' or the end). */
export function matchLabel<T>(
  part: string,
  labels: ReadonlyArray<readonly [string, T]>,
): [string, T] | undefined {
  let best: [string, T] | undefined;
  for (const [label, value] of labelsByFirstChar(labels).get(part.charAt(0)) ?? []) {
    if (!part.startsWith(label)) continue;
    const next = part.charAt(label.length);
    if (next !== '' && next !== ' ' && next !== ':' && next !== '#' && !label.endsWith(':')) continue;
    if (!best || label.length > best[0].length) best = [label, value];
  }
  return best;
}

const firstCharIndexes = new WeakMap<object, Map<string, Array<readonly [string, unknown]>>>();

/** Labels grouped by first character, so each fact is compared with a handful of labels, not all. */
function labelsByFirstChar<T>(
  labels: ReadonlyArray<readonly [string, T]>,
): Map<string, Array<readonly [string, T]>> {
  let index = firstCharIndexes.get(labels);
  if (!index) {
    index = new Map();
    for (const entry of labels) {
      const key = entry[0].charAt(0);
      const group = index.get(key);
      if (group) group.push(entry);
      else index.set(key, [entry]);
    }
    firstCharIndexes.set(labels, index);
  }
  return index as Map<string, Array<readonly [string, T]>>;
}
