/**
 * ISO 4217 currency codes in use (public facts), so a value in an unknown currency is a row error
 * naming the cell rather than a silently wrong comparison.
 */
const ACTIVE = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP
GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD
KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK
NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD
SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD
XCG XOF XPF YER ZAR ZMW ZWG`;

const codes = new Set(ACTIVE.split(/\s+/));

/**
 * The upper-case ISO 4217 code of a cell, or undefined when it is not one.
 *
 * @example currencyCode(' usd ') // 'USD'
 * @example currencyCode('US$')   // undefined
 */
export function currencyCode(cell: string): string | undefined {
  const code = cell.trim().toUpperCase();
  return codes.has(code) ? code : undefined;
}
