// A partner's producer side with Confluent's own JavaScript serdes (@confluentinc/schemaregistry), as
// system-tests' ContractByContentTest runs it against the embedded stack:
//   node stock-serializer.mjs <schema registry URL> <published schema file> <hex of the value's Avro binary>
// prints the id found and the Confluent-framed value, as JSON on one line.
//
// Auto-registration and use.latest.version stay off. The id is looked up by content with the stock client
// (POST /subjects/{subject}), from the published file's bytes unchanged. Confluent's JS Avro serializer, with both off,
// would derive a schema from the value itself (records named Record1, ...) and look that up, which matches no
// registered schema anywhere; so it is handed the id found by content (useSchemaId), which it checks against the
// registry again (GET the schema by id, then POST /subjects/{subject} with it) before framing the value.
import { readFileSync } from 'node:fs';
import avro from 'avsc';
import { AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const [registryUrl, schemaFile, valueHex] = process.argv.slice(2);
if (!registryUrl || !schemaFile || !valueHex) {
  console.error('usage: node stock-serializer.mjs <registry URL> <published schema file> <value Avro hex>');
  process.exit(2);
}
const topic = 'creditbridge.credentials';
const subject = `${topic}-value`;
const schemaText = readFileSync(schemaFile, 'utf8');

const client = new SchemaRegistryClient({ baseURLs: [registryUrl] });
const found = await client.getId(subject, { schemaType: 'AVRO', schema: schemaText });

// The value as a JavaScript partner holds it: what avsc makes of the published schema's binary.
const value = avro.Type.forSchema(JSON.parse(schemaText)).fromBuffer(Buffer.from(valueHex, 'hex'));

const serializer = new AvroSerializer(client, SerdeType.VALUE,
  { autoRegisterSchemas: false, useLatestVersion: false, useSchemaId: found });
const framed = await serializer.serialize(topic, value);

console.log(JSON.stringify({ id: found, framedHex: Buffer.from(framed).toString('hex') }));
