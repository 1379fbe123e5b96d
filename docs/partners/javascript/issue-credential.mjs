// A partner university's issuer, as docs/partners.md builds it step by step: its own Ed25519 signing key (registered at
// the alliance registry by its institution admin), one course result signed over its canonical form, produced onto
// creditbridge.credentials with kafkajs and Confluent's stock Avro serializer, and the receiving university's decision
// read back through the issuer-service's scoped API. Stock npm libraries only: kafkajs, @confluentinc/schemaregistry,
// canonicalize (RFC 8785), node:crypto. Settings come from the environment (see docs/partners.md, "Settings").
//
//   npm ci && node issue-credential.mjs
//
// Exit status 0 once the decision is read; 1 with a message on the first thing that fails.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import canonicalize from 'canonicalize';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`set ${name} (docs/partners.md, "Settings")`);
  return value;
};
const settings = {
  institution: env('PARTNER_SCHAC', 'uni.lodz.pl'),
  kafka: env('KAFKA_BOOTSTRAP', '127.0.0.1:9092'),
  kafkaUser: env('KAFKA_USERNAME'), // partner-<schac>, from ./creditbridge partner add <schac>
  kafkaPassword: env('KAFKA_PASSWORD'),
  schemaRegistry: env('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081/apis/ccompat/v7'),
  registry: env('REGISTRY_URL', 'http://127.0.0.1:8092'),
  issuer: env('ISSUER_URL', 'http://127.0.0.1:8091'),
  adminUser: env('ADMIN_USER'), // the institution admin, who registers the key (admin@<schac> on the demo)
  adminPassword: env('ADMIN_PASSWORD'),
  apiUser: env('API_USER'), // the institution's REST account (sis@<schac>), which reads its decisions
  apiSecret: env('API_SECRET'),
  learner: env('LEARNER_ID', `urn:schac:personalUniqueCode:int:esi:eur.nl:${Date.now()}`),
  home: env('HOME_INSTITUTION', 'eur.nl'),
  course: env('COURSE_CODE', 'INF-101'),
  keyFile: resolve(env('KEY_FILE', resolve(here, 'partner-signing-key.jwk'))),
  schemaFile: resolve(env('SCHEMA_FILE', resolve(here, '../../../schemas/resolved/creditbridge.credentials-value.avsc'))),
  waitSeconds: Number(env('DECISION_WAIT_SECONDS', '90')),
};
const topic = 'creditbridge.credentials';
const basic = (user, secret) => 'Basic ' + Buffer.from(`${user}:${secret}`).toString('base64');
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// 1. The signing key: made once, kept private (0600); its public part is what the registry lists.
function signingKey() {
  if (existsSync(settings.keyFile)) {
    const jwk = JSON.parse(readFileSync(settings.keyFile, 'utf8'));
    return { kid: jwk.kid, privateKey: createPrivateKey({ key: jwk, format: 'jwk' }) };
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const kid = `${settings.institution}-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  writeFileSync(settings.keyFile, JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), { mode: 0o600 });
  return { kid, privateKey };
}

// 2. The institution admin registers the public key (a new key id; a known id with other material is a 409).
async function register(key) {
  const publicJwk = createPublicKey(key.privateKey).export({ format: 'jwk' }); // kty, crv, x: no private part
  const url = `${settings.registry}/api/institutions/${settings.institution}/signing-keys/${encodeURIComponent(key.kid)}`;
  const answer = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: basic(settings.adminUser, settings.adminPassword) },
    body: JSON.stringify({ algorithm: 'EdDSA', publicKey: JSON.stringify(publicJwk), validFrom: '2000-01-01', validUntil: null }),
  });
  if (!answer.ok) throw new Error(`the registry refused key ${key.kid}: ${answer.status} ${await answer.text()}`);
  // Listed at once; recognition learns it from the trust topic within a second or two (and waits that long for a key
  // it does not know yet).
  console.log(`signing key ${key.kid} registered for ${settings.institution} (${answer.status})`);
}

// 3. The credential, as signed: the canonical form's projection (absent optional elements omitted).
function courseResult() {
  const issuedOn = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
  return {
    credentialId: randomUUID(),
    issuingInstitution: settings.institution,
    learner: { europeanStudentIdentifier: settings.learner, homeInstitution: settings.home },
    title: 'Introduction to Informatics',
    sourceCourseCode: settings.course,
    issuerCountries: ['PL'],
    awardingBodies: [{ schacCode: settings.institution, name: 'University of Lodz' }],
    issuedOn,
    learningOutcomes: [{ description: 'Designs and analyses simple algorithms' }],
    ectsCredits: '6.00',
    eqfLevel: 6,
    assessmentType: 'WRITTEN_EXAM',
    participationForm: 'ON_SITE',
    qualityAssurance: 'EXTERNAL_EQAR_AGENCY',
    grade: { value: '4.5', scheme: 'pl-2-5', passed: true },
  };
}

// A detached JWS (RFC 7515 Appendix F) over the UTF-8 bytes of the RFC 8785 canonical form.
function signed(credential, key) {
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: key.kid })).toString('base64url');
  const payload = Buffer.from(canonicalize(credential), 'utf8').toString('base64url');
  const signature = sign(null, Buffer.from(`${header}.${payload}`, 'ascii'), key.privateKey).toString('base64url');
  return `${header}..${signature}`;
}

// The Avro value of the published schema as the serializer takes it: logical types as their raw Avro values (date as
// days, decimal as two's-complement bytes, timestamp as milliseconds), every optional field present (null if absent),
// the payload union wrapped by its record's full name.
function avroValue(schema, value, named = new Map()) {
  if (typeof schema === 'string') {
    return named.has(shortName(schema)) ? avroValue(named.get(shortName(schema)), value, named) : value;
  }
  if (Array.isArray(schema)) {
    if (value === null || value === undefined) return null;
    const branches = schema.filter((b) => b !== 'null');
    if (branches.length === 1) return avroValue(branches[0], value, named);
    const [name, inner] = Object.entries(value)[0];
    return { [name]: avroValue(branches.find((b) => shortName(b) === shortName(name)), inner, named) };
  }
  if (schema.type === 'record') {
    named.set(shortName(schema), schema);
    return Object.fromEntries(schema.fields.map((field) => {
      const given = value[field.name];
      if (given === undefined && !('default' in field)) throw new Error(`${schema.name}.${field.name} is required`);
      return [field.name, given === undefined ? field.default : avroValue(field.type, given, named)];
    }));
  }
  if (schema.type === 'enum') named.set(shortName(schema), schema);
  if (schema.type === 'array') return value.map((item) => avroValue(schema.items, item, named));
  if (schema.logicalType === 'date') return Math.round(Date.parse(`${value}T00:00:00Z`) / 86400000);
  if (schema.logicalType === 'decimal') return decimalBytes(value, schema.scale);
  return value;
}
// Names are unique in the contract without their namespace (which a nested type may inherit rather than state).
const shortName = (s) => (typeof s === 'string' ? s : s.name).split('.').pop();
function decimalBytes(text, scale) {
  const [whole, fraction = ''] = text.split('.');
  let unscaled = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  const bytes = [];
  do { bytes.unshift(Number(unscaled & 0xffn)); unscaled >>= 8n; } while (unscaled !== 0n && unscaled !== -1n);
  if ((bytes[0] & 0x80) !== (unscaled < 0n ? 0x80 : 0)) bytes.unshift(unscaled < 0n ? 0xff : 0);
  return Buffer.from(bytes);
}

// 4. Produce it: kafkajs signed in as partner-<schac>, Confluent's stock serializer with auto-registration and
// use.latest.version off. The serializer is pinned to the id the registry gives for the published schema's text
// (POST /subjects/{subject}: a lookup by content, which never registers anything).
async function publish(credential, key) {
  const schemaText = readFileSync(settings.schemaFile, 'utf8');
  const client = new SchemaRegistryClient({ baseURLs: [settings.schemaRegistry] });
  const schemaId = await client.getId(`${topic}-value`, { schemaType: 'AVRO', schema: schemaText });
  const serializer = new AvroSerializer(client, SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: false, useSchemaId: schemaId });
  const event = { eventId: randomUUID(), occurredAt: Date.now(),
    payload: { 'eu.creditbridge.contract.CredentialIssued': { ...credential, signature: signed(credential, key) } } };
  const value = await serializer.serialize(topic, avroValue(JSON.parse(schemaText), event));

  const kafka = new Kafka({ clientId: `issuer-${settings.institution}`, brokers: settings.kafka.split(','), logLevel: logLevel.WARN,
    sasl: { mechanism: 'scram-sha-512', username: settings.kafkaUser, password: settings.kafkaPassword } });
  // The Java client's partitioner (murmur2 of the key): a learner's events land on the partition CreditBridge's own
  // producers would choose, so one learner's issuance and revocation stay in order whoever sends them.
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true,
    createPartitioner: Partitioners.JavaCompatiblePartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{
      key: credential.learner.europeanStudentIdentifier, // the learner's ESI: issuance and revocation stay in order
      value,
      headers: { // CloudEvents 1.0, binary mode: none required, all recommended
        ce_id: event.eventId, ce_source: `/issuers/${settings.institution}`, ce_specversion: '1.0',
        ce_type: 'eu.creditbridge.contract.CredentialIssued', ce_time: new Date(event.occurredAt).toISOString(),
        'content-type': 'application/avro' } }] });
  } finally {
    await producer.disconnect();
  }
  console.log(`credential ${credential.credentialId} published on ${topic} as ${settings.kafkaUser} (schema id ${schemaId})`);
}

// 5. Read the decision on it: the issuer-service's scoped API answers only the issuing institution's own account.
async function awaitDecision(credentialId) {
  const deadline = Date.now() + settings.waitSeconds * 1000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${settings.issuer}/api/credentials/${credentialId}/decisions`,
      { headers: { Authorization: basic(settings.apiUser, settings.apiSecret), Accept: 'application/json' } });
    if (answer.ok) {
      const found = await answer.json();
      if (found.recognitions.length > 0) return found.recognitions;
    } else if (answer.status !== 404) {
      throw new Error(`the issuer-service answered ${answer.status}: ${await answer.text()}`);
    }
    await sleep(500);
  }
  throw new Error(`no decision on ${credentialId} within ${settings.waitSeconds} s`);
}

try {
  const key = signingKey();
  await register(key);
  const credential = courseResult();
  await publish(credential, key);
  for (const d of await awaitDecision(credential.credentialId)) {
    console.log(`decision by ${d.receivingInstitution}: ${d.outcome}, ${d.recognisedCredits} ECTS recognised, `
      + `signature ${d.signatureVerdict}`);
  }
} catch (e) {
  console.error(`partner issuer failed: ${e.message}`);
  process.exit(1);
}
