/**
 * ISO 3166-1 numeric codes, the ids of the world-atlas boundaries (Natural Earth, 1:110m), for the
 * States the platform knows (every State that is or was a party), and for the countries on that
 * map that never joined, so their shapes can be named in the reader's language (Intl.DisplayNames).
 * Shapes with no code here (territories and disputed areas of the atlas) are drawn without a name.
 */

/** Alpha-2 → numeric, for every State in the States reference data. */
export const NUMERIC_BY_ISO2: Readonly<Record<string, string>> = {
  AD: '020', AF: '004', AG: '028', AL: '008', AO: '024', AR: '032', AT: '040', AU: '036', BA: '070', BB: '052',
  BD: '050', BE: '056', BF: '854', BG: '100', BI: '108', BJ: '204', BN: '096', BO: '068', BR: '076', BS: '044',
  BT: '064', BW: '072', BY: '112', BZ: '084', CA: '124', CD: '180', CF: '140', CG: '178', CH: '756', CI: '384',
  CK: '184', CL: '152', CM: '120', CO: '170', CR: '188', CV: '132', CY: '196', CZ: '203', DE: '276', DJ: '262',
  DK: '208', DM: '212', DO: '214', DZ: '012', EC: '218', EE: '233', ER: '232', ES: '724', ET: '231', FI: '246',
  FJ: '242', FR: '250', GA: '266', GB: '826', GD: '308', GH: '288', GM: '270', GN: '324', GQ: '226', GR: '300',
  GT: '320', GW: '624', GY: '328', HN: '340', HR: '191', HT: '332', HU: '348', ID: '360', IE: '372', IQ: '368',
  IS: '352', IT: '380', JM: '388', JO: '400', JP: '392', KE: '404', KH: '116', KI: '296', KM: '174', KN: '659',
  KW: '414', LC: '662', LI: '438', LK: '144', LR: '430', LS: '426', LT: '440', LU: '442', LV: '428', MC: '492',
  MD: '498', ME: '499', MG: '450', MH: '584', MK: '807', ML: '466', MR: '478', MT: '470', MU: '480', MV: '462',
  MW: '454', MX: '484', MY: '458', MZ: '508', NA: '516', NE: '562', NG: '566', NI: '558', NL: '528', NO: '578',
  NR: '520', NU: '570', NZ: '554', OM: '512', PA: '591', PE: '604', PG: '598', PH: '608', PL: '616', PS: '275',
  PT: '620', PW: '585', PY: '600', QA: '634', RO: '642', RS: '688', RW: '646', SB: '090', SC: '690', SD: '729',
  SE: '752', SI: '705', SK: '703', SL: '694', SM: '674', SN: '686', SO: '706', SR: '740', SS: '728', ST: '678',
  SV: '222', SZ: '748', TD: '148', TG: '768', TH: '764', TJ: '762', TL: '626', TM: '795', TN: '788', TO: '776',
  TR: '792', TT: '780', TV: '798', TZ: '834', UA: '804', UG: '800', UY: '858', VA: '336', VC: '670', VE: '862',
  VU: '548', WS: '882', YE: '887', ZA: '710', ZM: '894', ZW: '716',
};

/** Countries on the 1:110m map that are not (and never were) parties: numeric → alpha-2, for their names. */
export const NON_PARTY_ISO2_BY_NUMERIC: Readonly<Record<string, string>> = {
  '031': 'AZ', '051': 'AM', '104': 'MM', '156': 'CN', '192': 'CU', '268': 'GE', '356': 'IN', '364': 'IR', '376': 'IL', '398': 'KZ',
  '408': 'KP', '410': 'KR', '417': 'KG', '418': 'LA', '422': 'LB', '434': 'LY', '496': 'MN', '504': 'MA', '524': 'NP', '586': 'PK', '643': 'RU',
  '682': 'SA', '704': 'VN', '760': 'SY', '784': 'AE', '818': 'EG', '840': 'US', '860': 'UZ',
};

const ISO2_BY_NUMERIC: ReadonlyMap<string, string> = new Map(Object.entries(NUMERIC_BY_ISO2).map(([iso2, n]) => [n, iso2]));

/** The platform State (alpha-2) a world-atlas shape belongs to, if any. */
export function iso2OfNumeric(numeric: string | number | undefined): string | undefined {
  if (numeric === undefined) return undefined;
  return ISO2_BY_NUMERIC.get(String(numeric).padStart(3, '0'));
}
