// Validates the AsyncAPI document with the AsyncAPI project's own parser (with its Avro schema parser, so the Avro
// payloads referenced from resolved/*.avsc are parsed too), then checks that the README's topic table names exactly
// the document's channels. Exit status 1 on any error, with the parser's diagnostics.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import avro from 'avsc';

const [documentPath, readmePath] = process.argv.slice(2).map((p) => resolve(p));
const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());

const { document, diagnostics } = await fromFile(parser, documentPath).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const where = d.path && d.path.length ? ` at ${d.path.join('.')}` : '';
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]}: ${d.message}${where}`);
}
if (!document || errors.length > 0) {
  console.error(`asyncapi: ${documentPath} is not valid (${errors.length} errors)`);
  process.exit(1);
}

const channels = document.channels().all().map((c) => c.address());
const messages = document.allMessages().all();
for (const message of messages) {
  if (!message.hasPayload()) {
    console.error(`asyncapi: message ${message.id()} has no payload`);
    process.exit(1);
  }
}

// Each referenced Avro schema also through avsc itself (the Avro implementation the schema parser is built on), strictly:
// the schema parser turns a payload into JSON Schema and lets an unknown type name through.
const documentText = readFileSync(documentPath, 'utf8');
const references = [...new Set([...documentText.matchAll(/\$ref: '(\.\/resolved\/[^']+\.avsc)'/g)].map((m) => m[1]))];
for (const reference of references) {
  const file = resolve(dirname(documentPath), reference);
  try {
    avro.Type.forSchema(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`asyncapi: ${file} is not a valid Avro schema: ${error.message}`);
    process.exit(1);
  }
}
if (references.length !== messages.length) {
  console.error(`asyncapi: ${messages.length} messages but ${references.length} Avro schemas referenced`);
  process.exit(1);
}

// The README's topic table: rows starting with | `creditbridge....` (or `<topic>.dlt`, standing for every source topic's).
const readme = readFileSync(readmePath, 'utf8');
const tableTopics = [...readme.matchAll(/^\| `(creditbridge\.[a-z.]+|<topic>\.dlt)` \|/gm)].map((m) => m[1]);
const sourceTopics = tableTopics.filter((t) => !t.includes('<'));
const deadLetterRow = tableTopics.includes('<topic>.dlt');
const expected = deadLetterRow ? [...sourceTopics, ...sourceTopics.map((t) => `${t}.dlt`)] : sourceTopics;
const missingInDocument = expected.filter((t) => !channels.includes(t));
const missingInReadme = channels.filter((t) => !expected.includes(t));
if (sourceTopics.length === 0 || missingInDocument.length || missingInReadme.length) {
  console.error(`asyncapi: README topic table and document disagree: not in the document ${JSON.stringify(missingInDocument)}, `
    + `not in the README ${JSON.stringify(missingInReadme)}`);
  process.exit(1);
}
console.log(`asyncapi: ${documentPath} valid (AsyncAPI ${document.version()}): ${channels.length} channels, `
  + `${messages.length} messages with Avro payloads (checked by avsc too), ${document.operations().all().length} operations; README topic table agrees.`);
