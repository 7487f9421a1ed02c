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
from typing import TypeGuard

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


#: a header is one short JSON line; anything longer (or nested) is damage, not a header
MAX_HEADER_BYTES = 4096
_TAG_BYTES = 16  # AES-GCM's authentication tag: a shorter ciphertext is cut off
_DAMAGED = "het versleutelde bestand is beschadigd"


class DamagedFileError(DecryptionError):
    """The file is damaged or of another format version: no password can open it, so
    none is asked for (Dutch message with 'beschadigd' or 'onbekende versie')."""


def _header(raw: bytes) -> tuple[_Header, bytes]:
    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES + 1)
    if not is_encrypted(raw):
        raise DamagedFileError("dit is geen versleuteld casusbestand (.ecase)")
    if end < 0:
        raise DamagedFileError(f"{_DAMAGED}: de kop ontbreekt of is te lang")
    line = raw[len(MAGIC):end + 1]
    try:
        data = json.loads(line.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedFileError(f"{_DAMAGED}: de kop is onleesbaar") from None
    if not isinstance(data, dict):
        raise DamagedFileError(f"{_DAMAGED}: de kop is onleesbaar")
    return _Header(data, line), raw[end + 1:]


@dataclass(frozen=True)
class _Parameters:
    salt: bytes
    nonce: bytes
    n: int
    r: int
    p: int


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def check_encrypted(raw: bytes) -> _Parameters:
    """The key-derivation parameters of an ``.ecase``; DamagedFileError when the file
    cannot be opened with any password (checked before a password is asked for)."""
    header, ciphertext = _header(raw)
    data = header.data
    version = data.get("version")
    if data.get("format", "ecase") != "ecase" or version != FORMAT_VERSION:
        shown = f"versie {version}" if _is_int(version) else "geen versienummer"
        raise DamagedFileError(f"onbekende versie van het versleutelde formaat ({shown}; "
                               f"dit programma leest versie {FORMAT_VERSION}): is het "
                               "gemaakt met een nieuwere versie van het programma, of "
                               "is het beschadigd?")
    if data.get("cipher") != "AES-256-GCM" or data.get("kdf", "scrypt") != "scrypt":
        raise DamagedFileError(f"{_DAMAGED}: onbekende versleuteling in de kop")
    try:
        salt = base64.b64decode(data["salt"], validate=True)
        nonce = base64.b64decode(data["nonce"], validate=True)
    except (KeyError, ValueError, TypeError):
        raise DamagedFileError(f"{_DAMAGED}: zout of nonce in de kop klopt niet") from None
    n, r, p = data.get("n"), data.get("r"), data.get("p")
    # bounded, so a crafted header cannot make the key derivation eat the machine
    if not (_is_int(n) and _is_int(r) and _is_int(p) and 2 ** 14 <= n <= 2 ** 18 and
            n & (n - 1) == 0 and 1 <= r <= 8 and 1 <= p <= 4):
        raise DamagedFileError(f"{_DAMAGED}: de scrypt-parameters in de kop kloppen niet")
    assert _is_int(n) and _is_int(r) and _is_int(p)  # for the type checker: checked above
    if len(nonce) != 12 or not 8 <= len(salt) <= 64:
        raise DamagedFileError(f"{_DAMAGED}: zout of nonce in de kop klopt niet")
    if len(ciphertext) < _TAG_BYTES:
        raise DamagedFileError(f"{_DAMAGED}: het bestand is afgebroken")
    return _Parameters(salt, nonce, n, r, p)


def decrypt(raw: bytes, password: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = check_encrypted(raw)
    header, ciphertext = _header(raw)
    try:
        key = _key(password, params.salt, params.n, params.r, params.p)
        return AESGCM(key).decrypt(params.nonce, ciphertext, MAGIC + header.raw)
    except InvalidTag:
        raise DecryptionError("het wachtwoord is onjuist, of het bestand is gewijzigd of "
                              "beschadigd") from None
    except (ValueError, MemoryError, OverflowError):
        raise DamagedFileError(f"{_DAMAGED}: de sleutel kan niet worden afgeleid") from None
