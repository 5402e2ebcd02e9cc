/**
 * Streams an XML document and hands over each record element (e.g. every `<INDIVIDUAL>`) as a
 * small tree, so list readers work on one record at a time and syntax errors keep their line.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../core/index.js';

/** An element with its text and children; attributes are kept only for the root. */
export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
  /** Line where the element starts. */
  line: number;
}

/** Text of the first child named `name`, trimmed, or '' when absent. */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text.trim() ?? '';
}

/** All children named `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Trimmed text of every `<VALUE>` under the child named `name` (UN `NATIONALITY/VALUE`). */
export function childValues(node: XmlNode, name: string): string[] {
  return childrenNamed(node, name)
    .flatMap((c) => childrenNamed(c, 'VALUE'))
    .map((v) => v.text.replace(/\s+/g, ' ').trim())
    .filter((v) => v.length > 0);
}

/**
 * Parses `text`, calling `onRecord` for every element whose name is in `recordNames`, and returns
 * the root element's attributes. Throws an InputError with the line of the first syntax error,
 * including a document cut short (unclosed elements at the end).
 */
export function readXmlRecords(
  text: string,
  file: string,
  recordNames: ReadonlySet<string>,
  onRecord: (node: XmlNode) => void,
): { root: string; rootAttributes: Record<string, string> } {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root = '';
  let rootAttributes: Record<string, string> = {};
  let depthInRecord = 0;
  let failure: InputError | undefined;
  parser.on('error', (error) => {
    failure ??= new InputError(`malformed XML: ${error.message.replace(/^[^:]*:\d+:\d+:\s*/, '')}`, {
      file,
      line: parser.line,
      field: stack.length > 0 ? stack.map((n) => n.name).join('/') : undefined,
    });
  });
  parser.on('opentag', (tag) => {
    if (!root) {
      root = tag.name;
      rootAttributes = { ...(tag.attributes as Record<string, string>) };
      return;
    }
    if (depthInRecord === 0 && !recordNames.has(tag.name)) return;
    depthInRecord++;
    const node: XmlNode = { name: tag.name, text: '', children: [], line: parser.line };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    if (depthInRecord === 0) return;
    depthInRecord--;
    const node = stack.pop()!;
    if (depthInRecord === 0 && !failure) onRecord(node);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    failure ??= new InputError(`malformed XML: ${(error as Error).message}`, { file, line: parser.line });
  }
  if (failure) throw failure;
  if (!root) throw new InputError('no XML element found', { file, line: 1 });
  return { root, rootAttributes };
}
