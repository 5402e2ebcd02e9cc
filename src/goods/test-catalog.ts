/** The shipped catalog and order-line builders for the goods tests (test helper, not product code). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GoodsCatalog, parseGoodsCatalog } from './catalog-schema.js';
import { type OrderLine, readOrderLine } from './order-line.js';

export const shippedCatalogPath = join(import.meta.dirname, '../../data/goods/catalog.json');

export function shippedCatalog(): GoodsCatalog {
  return parseGoodsCatalog(JSON.parse(readFileSync(shippedCatalogPath, 'utf8')));
}

let n = 0;

/** An ordinary, complete line (a domestic MX sale of an unlisted chemical) with the given fields changed. */
export function orderLine(fields: Record<string, string> = {}): OrderLine {
  n++;
  return readOrderLine(
    {
      line_id: `L${n}`,
      date: '2026-03-10',
      seller: 'Distribuidora Norte SA de CV',
      buyer: 'Pinturas Azteca SA de CV',
      buyer_address: 'Av. Industria 10, Monterrey',
      buyer_country: 'MX',
      consignee: 'Pinturas Azteca SA de CV',
      ship_to_country: 'MX',
      via_countries: '',
      origin_country: 'MX',
      description: 'Ethyl acetate 99.5%',
      cas: '141-78-6',
      hs_code: '2915.31',
      quantity: '200',
      unit: 'kg',
      permit_ref: '',
      ...fields,
    },
    { file: 'test.csv', line: n + 1 },
  );
}
