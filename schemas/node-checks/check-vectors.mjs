// A second, independent implementation of the credential contract, with stock npm libraries only: for each test
// vector in ../test-vectors/, the canonical form by an RFC 8785 library (canonicalize), the detached JWS verified with
// Node's own Ed25519 (node:crypto) against the published test key, and the Confluent-framed Avro bytes decoded with
// avsc against the published resolved schema, projected as schemas/README.md documents, canonicalized again and
// compared. Exit status 1 on the first disagreement.
import { readFileSync, readdirSync } from 'node:fs';
import { createPublicKey, verify } from 'node:crypto';
import { join, resolve } from 'node:path';
import canonicalize from 'canonicalize';
import avro from 'avsc';

const vectors = resolve(process.argv[2] ?? '../test-vectors');
const schema = avro.Type.forSchema(JSON.parse(readFileSync(resolve(process.argv[3] ?? '../resolved/creditbridge.credentials-value.avsc'), 'utf8')));
const publicKey = createPublicKey({ key: JSON.parse(readFileSync(join(vectors, 'test-key.public.jwk'), 'utf8')), format: 'jwk' });
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const fail = (name, what) => { console.error(`test vector ${name}: ${what}`); process.exit(1); };

// The documented projection of CredentialIssued (schemas/README.md, "Credential signatures"), from the decoded Avro.
const symbol = (v) => (v === null ? undefined : v);
function projection(c) {
  const days = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
  const decimal = (bytes) => {
    let n = BigInt.asIntN(bytes.length * 8, BigInt('0x' + (bytes.length ? bytes.toString('hex') : '0')));
    const negative = n < 0n; if (negative) n = -n;
    return `${negative ? '-' : ''}${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
  };
  const json = {
    credentialId: c.credentialId.toLowerCase(),
    issuingInstitution: c.issuingInstitution,
    learner: { europeanStudentIdentifier: c.learner.europeanStudentIdentifier, homeInstitution: c.learner.homeInstitution,
      fullName: symbol(c.learner.fullName) },
    title: c.title,
    sourceCourseCode: symbol(c.sourceCourseCode),
    issuerCountries: c.issuerCountries,
    awardingBodies: c.awardingBodies.map((b) => ({ schacCode: b.schacCode, name: b.name })),
    issuedOn: days(c.issuedOn),
    learningOutcomes: c.learningOutcomes.map((o) => ({ description: o.description, escoSkill: symbol(o.escoSkill) })),
    ectsCredits: decimal(c.ectsCredits),
    notionalHours: symbol(c.notionalHours),
    eqfLevel: symbol(c.eqfLevel),
    qfEheaCycle: symbol(c.qfEheaCycle),
    iscedFieldCode: symbol(c.iscedFieldCode),
    assessmentType: c.assessmentType,
    participationForm: c.participationForm,
    qualityAssurance: c.qualityAssurance,
    prerequisites: symbol(c.prerequisites),
    identityVerification: symbol(c.identityVerification),
    grade: c.grade ? { value: c.grade.value, scheme: c.grade.scheme, passed: c.grade.passed } : undefined,
    stackability: c.stackability ? { standAlone: c.stackability.standAlone, stackableTowards: symbol(c.stackability.stackableTowards) } : undefined,
    furtherInformation: symbol(c.furtherInformation),
  };
  return JSON.parse(JSON.stringify(json)); // absent optional elements are omitted, never null
}

let checked = 0;
for (const file of readdirSync(vectors).filter((f) => f.endsWith('.json')).sort()) {
  const v = JSON.parse(readFileSync(join(vectors, file), 'utf8'));
  const canonical = canonicalize(v.credential);
  if (canonical !== v.canonical) fail(v.name, `RFC 8785 gives\n${canonical}\nthe vector says\n${v.canonical}`);
  if (Buffer.from(canonical, 'utf8').toString('hex') !== v.canonicalUtf8Hex) fail(v.name, 'the canonical form\'s UTF-8 bytes differ');

  const [header, empty, signature] = v.signature.split('.');
  if (empty !== '' || Buffer.from(header, 'base64url').toString() !== v.jwsHeader) fail(v.name, 'not a detached JWS with the vector\'s header');
  const signingInput = Buffer.from(`${header}.${b64url(Buffer.from(canonical, 'utf8'))}`, 'ascii');
  if (!verify(null, signingInput, publicKey, Buffer.from(signature, 'base64url'))) fail(v.name, 'the signature does not verify with the test key');
  const tampered = Buffer.from(`${header}.${b64url(Buffer.from(canonical.replace('"title":"', '"title":"X'), 'utf8'))}`, 'ascii');
  if (verify(null, tampered, publicKey, Buffer.from(signature, 'base64url'))) fail(v.name, 'a tampered credential verifies');

  const framed = Buffer.from(v.confluentAvroHex, 'hex');
  if (framed[0] !== 0 || framed.readInt32BE(1) !== v.schemaId) fail(v.name, 'not Confluent framing (magic byte 0, 4-byte schema id)');
  const event = schema.fromBuffer(framed.subarray(5));
  const payload = event.payload['eu.creditbridge.contract.CredentialIssued'] ?? event.payload;
  if (event.eventId !== v.eventId || payload.signature !== v.signature) fail(v.name, 'the Avro event carries another id or signature');
  const fromAvro = canonicalize(projection(payload));
  if (fromAvro !== v.canonical) fail(v.name, `the Avro bytes project to\n${fromAvro}\nnot\n${v.canonical}`);
  checked += 1;
}
if (checked < 4) fail('*', `only ${checked} vectors found in ${vectors}`);
console.log(`test vectors: ${checked} checked by a second implementation (canonicalize, node:crypto Ed25519, avsc): canonical forms, signatures and Avro bytes agree.`);
