"""docs/partners.md's issuer in Python, step for step the JavaScript one: NOT RUN in this repository's build.

It needs confluent-kafka 2.x with its Avro extra (fastavro): `pip install "confluent-kafka[avro]" cryptography requests`.
Debian's python3-confluent-kafka (1.7) lacks fastavro, and PyPI is not reachable where this project is built, so
only its syntax is checked here. The settings are the JavaScript issuer's (docs/partners.md, "Settings").
"""
import base64
import datetime
import decimal
import json
import os
import time
import uuid

import requests
from confluent_kafka import Producer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = os.path.dirname(os.path.abspath(__file__))
TOPIC = "creditbridge.credentials"


def setting(name, default=None):
    value = os.environ.get(name, default)
    if not value:
        raise SystemExit(f"set {name} (docs/partners.md, \"Settings\")")
    return value


INSTITUTION = setting("PARTNER_SCHAC", "uni.lodz.pl")
ADMIN = (setting("ADMIN_USER"), setting("ADMIN_PASSWORD"))
API = (setting("API_USER"), setting("API_SECRET"))
REGISTRY_URL = setting("REGISTRY_URL", "http://127.0.0.1:8092")
ISSUER_URL = setting("ISSUER_URL", "http://127.0.0.1:8091")
SCHEMA_FILE = setting("SCHEMA_FILE", os.path.join(HERE, "../../../schemas/resolved/creditbridge.credentials-value.avsc"))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def canonical(value) -> bytes:
    # RFC 8785 for the credential's projection (strings, integers, booleans; no floating-point numbers): sorted members,
    # no whitespace, minimal escapes. Python sorts by code point, RFC 8785 by UTF-16 code unit: the two differ only for
    # member names beyond U+FFFF, which the contract's names never are.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# 1. The signing key (kept by the partner alone), 2. registered by the institution admin.
key = Ed25519PrivateKey.generate()
kid = f"{INSTITUTION}-{datetime.date.today()}-{uuid.uuid4().hex[:8]}"
public_jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(key.public_key().public_bytes_raw())}
answer = requests.put(f"{REGISTRY_URL}/api/institutions/{INSTITUTION}/signing-keys/{kid}", auth=ADMIN, timeout=30, json={
    "algorithm": "EdDSA", "publicKey": json.dumps(public_jwk), "validFrom": "2000-01-01", "validUntil": None})
answer.raise_for_status()

# 3. The credential as signed (absent optional elements omitted), and its detached JWS.
credential = {
    "credentialId": str(uuid.uuid4()),
    "issuingInstitution": INSTITUTION,
    "learner": {"europeanStudentIdentifier": setting("LEARNER_ID", f"urn:schac:personalUniqueCode:int:esi:eur.nl:{int(time.time())}"),
                "homeInstitution": setting("HOME_INSTITUTION", "eur.nl")},
    "title": "Introduction to Informatics",
    "sourceCourseCode": setting("COURSE_CODE", "INF-101"),
    "issuerCountries": ["PL"],
    "awardingBodies": [{"schacCode": INSTITUTION, "name": "University of Lodz"}],
    "issuedOn": str(datetime.date.today() - datetime.timedelta(days=3)),
    "learningOutcomes": [{"description": "Designs and analyses simple algorithms"}],
    "ectsCredits": "6.00",
    "eqfLevel": 6,
    "assessmentType": "WRITTEN_EXAM",
    "participationForm": "ON_SITE",
    "qualityAssurance": "EXTERNAL_EQAR_AGENCY",
    "grade": {"value": "4.5", "scheme": "pl-2-5", "passed": True},
}
header = b64url(json.dumps({"alg": "EdDSA", "kid": kid}, separators=(",", ":")).encode())
signing_input = f"{header}.{b64url(canonical(credential))}".encode("ascii")
signature = f"{header}..{b64url(key.sign(signing_input))}"

# 4. Stock AvroSerializer with the published schema, auto-registration and use.latest.version off: it looks the
# schema's id up by content (POST /subjects/{subject}), registers nothing. fastavro takes logical types as Python
# values and a union branch as (name, value).
avro_value = {
    "eventId": str(uuid.uuid4()),
    "occurredAt": datetime.datetime.now(datetime.timezone.utc),
    "payload": ("eu.creditbridge.contract.CredentialIssued", {
        **{field: None for field in ("notionalHours", "qfEheaCycle", "iscedFieldCode", "prerequisites",
                                     "identityVerification", "stackability", "furtherInformation")},
        **credential,
        "learner": {**credential["learner"], "fullName": None},
        "learningOutcomes": [{**outcome, "escoSkill": None} for outcome in credential["learningOutcomes"]],
        "issuedOn": datetime.date.fromisoformat(credential["issuedOn"]),
        "ectsCredits": decimal.Decimal(credential["ectsCredits"]),
        "signature": signature,
    }),
}
registry = SchemaRegistryClient({"url": setting("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7")})
with open(SCHEMA_FILE, encoding="utf-8") as schema_file:
    serializer = AvroSerializer(registry, schema_file.read(),
                                conf={"auto.register.schemas": False, "use.latest.version": False})
producer = Producer({
    "bootstrap.servers": setting("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
    "security.protocol": "SASL_PLAINTEXT",
    "sasl.mechanism": "SCRAM-SHA-512",
    "sasl.username": setting("KAFKA_USERNAME"),
    "sasl.password": setting("KAFKA_PASSWORD"),
    "enable.idempotence": True,
    "acks": "all",
})
producer.produce(TOPIC, key=credential["learner"]["europeanStudentIdentifier"],
                 value=serializer(avro_value, SerializationContext(TOPIC, MessageField.VALUE)),
                 headers={"ce_id": avro_value["eventId"], "ce_source": f"/issuers/{INSTITUTION}", "ce_specversion": "1.0",
                          "ce_type": "eu.creditbridge.contract.CredentialIssued",
                          "ce_time": avro_value["occurredAt"].isoformat(), "content-type": "application/avro"})
if producer.flush(30) != 0:
    raise SystemExit("the broker did not acknowledge the credential")

# 5. The decision, through the issuer-service's scoped API (the institution's own account only).
deadline = time.monotonic() + int(setting("DECISION_WAIT_SECONDS", "90"))
while time.monotonic() < deadline:
    answer = requests.get(f"{ISSUER_URL}/api/credentials/{credential['credentialId']}/decisions", auth=API, timeout=30)
    if answer.ok and answer.json()["recognitions"]:
        for d in answer.json()["recognitions"]:
            print(f"decision by {d['receivingInstitution']}: {d['outcome']}, {d['recognisedCredits']} ECTS recognised, "
                  f"signature {d['signatureVerdict']}")
        break
    if answer.status_code not in (200, 404):
        raise SystemExit(f"the issuer-service answered {answer.status_code}: {answer.text}")
    time.sleep(0.5)
else:
    raise SystemExit("no decision within the wait")
