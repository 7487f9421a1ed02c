"""Encrypted case files (``.ecase``): the case YAML in an authenticated container.

Layout: a magic line, one JSON header line (format version, schema version, scrypt
parameters, salt, nonce), then the AES-256-GCM ciphertext of the YAML. The magic and
the header are the associated data, so changing either makes decryption fail. The key
comes from the password with scrypt and a random salt; every save has a fresh nonce.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

MAGIC = b"EFFECTENCALCULATOR-ECASE\n"
FORMAT_VERSION = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
ENCRYPTED_SUFFIX = ".ecase"


class DecryptionError(Exception):
    """Wrong password, or a file that was changed or damaged (Dutch message)."""


@dataclass(frozen=True)
class _Header:
    data: dict
    raw: bytes


def is_encrypted(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def _key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def encrypt(plaintext: bytes, password: str, schema_version: int) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not password:
        raise ValueError("een leeg wachtwoord is niet toegestaan")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": "ecase", "version": FORMAT_VERSION, "schema_version": schema_version,
              "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
              "cipher": "AES-256-GCM", "salt": base64.b64encode(salt).decode("ascii"),
              "nonce": base64.b64encode(nonce).decode("ascii")}
    header_line = json.dumps(header, sort_keys=True).encode("ascii") + b"\n"
    key = _key(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return MAGIC + header_line + AESGCM(key).encrypt(nonce, plaintext, MAGIC + header_line)


def _header(raw: bytes) -> tuple[_Header, bytes]:
    end = raw.find(b"\n", len(MAGIC))
    if not is_encrypted(raw) or end < 0:
        raise DecryptionError("dit is geen versleuteld casusbestand (.ecase)")
    line = raw[len(MAGIC):end + 1]
    try:
        data = json.loads(line.decode("ascii"))
        if not isinstance(data, dict):
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        raise DecryptionError("de kop van het versleutelde bestand is beschadigd") from None
    return _Header(data, line), raw[end + 1:]


def decrypt(raw: bytes, password: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, ciphertext = _header(raw)
    data = header.data
    if data.get("version") != FORMAT_VERSION or data.get("cipher") != "AES-256-GCM":
        raise DecryptionError(f"onbekende versie van het versleutelde formaat "
                              f"({data.get('version')!r})")
    try:
        salt = base64.b64decode(data["salt"], validate=True)
        nonce = base64.b64decode(data["nonce"], validate=True)
        n, r, p = int(data["n"]), int(data["r"]), int(data["p"])
        # bounded, so a crafted header cannot make the key derivation eat the machine
        if not (2 ** 14 <= n <= 2 ** 18 and 1 <= r <= 8 and 1 <= p <= 4 and len(nonce) == 12):
            raise ValueError
    except (KeyError, ValueError, TypeError):
        raise DecryptionError("de kop van het versleutelde bestand is beschadigd") from None
    try:
        return AESGCM(_key(password, salt, n, r, p)).decrypt(nonce, ciphertext,
                                                             MAGIC + header.raw)
    except InvalidTag:
        raise DecryptionError("het wachtwoord is onjuist, of het bestand is gewijzigd of "
                              "beschadigd") from None
