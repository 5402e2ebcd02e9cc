import { describe, expect, it } from 'vitest';
import { implausibleDownload } from './downloaded-file-check.js';

const csv = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('implausibleDownload', () => {
  it('accepts OFAC CSV ending with CRLF and the DOS end-of-file byte', () => {
    expect(implausibleDownload(csv('36,"AEROCARIBBEAN AIRLINES",-0- \r\n\x1a'), 'ofac-csv')).toBeUndefined();
    expect(implausibleDownload(csv('36,"A"\n'), 'ofac-csv', 'text/csv')).toBeUndefined();
  });

  it('rejects a CSV cut mid-row, an empty body and an HTML page', () => {
    expect(implausibleDownload(csv('36,"AEROCARIBBEAN AIRLINES",-0- \r\n37,"BANCO'), 'ofac-csv')).toMatch(
      /mid-row/,
    );
    expect(implausibleDownload(Buffer.alloc(0), 'ofac-csv')).toBe('empty file');
    expect(implausibleDownload(csv('  <!DOCTYPE html><html></html>\n'), 'ofac-csv')).toMatch(/HTML page/);
    expect(implausibleDownload(csv('36,"A"\r\n'), 'ofac-csv', 'text/html; charset=utf-8')).toMatch(
      /HTML page/,
    );
  });

  it('accepts a whole UN XML file and rejects a truncated one', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST><INDIVIDUALS></INDIVIDUALS></CONSOLIDATED_LIST>\n';
    expect(implausibleDownload(csv(xml), 'un-xml', 'application/xml')).toBeUndefined();
    expect(implausibleDownload(csv(xml.slice(0, 70)), 'un-xml')).toMatch(/truncated/);
    expect(implausibleDownload(csv('36,"A"\r\n'), 'un-xml')).toBe('not an XML file');
    expect(implausibleDownload(csv('<html><body>Error</body></html>'), 'un-xml')).toMatch(/HTML page/);
  });
});
