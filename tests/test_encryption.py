"""Encrypted case files: round trip, wrong password, tampering, no plaintext on disk."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE_CASE

from effectencalculator.cli import PASSWORD_ENV, main
from effectencalculator.model.crypto import MAGIC
from effectencalculator.model.storage import (
    EncryptedFileDamaged,
    PasswordRequired,
    load_case,
    read_case,
    save_case,
)
from effectencalculator.model.validation import InvalidInputError


@pytest.fixture
def encrypted(tmp_path):
    case = load_case(EXAMPLE_CASE)
    path = tmp_path / "casus.ecase"
    save_case(case, path, password="geheim wachtwoord")
    return case, path


def test_round_trip_and_no_plaintext_anywhere(encrypted, tmp_path):
    case, path = encrypted
    raw = path.read_bytes()
    assert raw.startswith(MAGIC)
    assert b"Noordhoek" not in raw and b"scenarios" not in raw
    again = load_case(path, password="geheim wachtwoord")
    assert again == case
    for other in tmp_path.iterdir():
        assert b"Noordhoek" not in other.read_bytes(), other


def test_a_second_save_keeps_an_encrypted_backup(encrypted, tmp_path):
    case, path = encrypted
    save_case(case, path, password="geheim wachtwoord")
    backup = tmp_path / "casus.ecase.bak"
    assert backup.read_bytes().startswith(MAGIC)
    # fresh salt and nonce per save: the two files differ although the content is equal
    assert backup.read_bytes() != path.read_bytes()


def test_encrypting_over_a_plain_file_leaves_no_plain_backup(tmp_path):
    case = load_case(EXAMPLE_CASE)
    path = tmp_path / "casus.yaml"
    save_case(case, path)
    save_case(case, path, password="pw")
    assert not (tmp_path / "casus.yaml.bak").exists()
    assert path.read_bytes().startswith(MAGIC)


def test_wrong_or_missing_password(encrypted):
    _, path = encrypted
    with pytest.raises(PasswordRequired):
        read_case(path)
    with pytest.raises(InvalidInputError) as info:
        read_case(path, password="fout")
    assert "wachtwoord is onjuist" in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize("where", ["ciphertext", "header", "schema"])
def test_tampered_file_is_refused(encrypted, where):
    _, path = encrypted
    raw = bytearray(path.read_bytes())
    if where == "ciphertext":
        raw[-5] ^= 0x01
    elif where == "header":
        at = raw.index(b'"nonce"') + 12
        raw[at] = ord("A") if raw[at] != ord("A") else ord("B")
    else:
        raw = bytearray(bytes(raw).replace(b'"schema_version": 1', b'"schema_version": 2'))
    path.write_bytes(bytes(raw))
    with pytest.raises(InvalidInputError) as info:
        read_case(path, password="geheim wachtwoord")
    assert str(path) in str(info.value)


# -- damaged files: a Dutch message at once, no password asked --------------------------

def _with_header(raw: bytes, change) -> bytes:
    """``raw`` with its JSON header line replaced by ``change(header dict)`` (bytes or
    a dict to serialise)."""
    end = raw.index(b"\n", len(MAGIC))
    header = json.loads(raw[len(MAGIC):end])
    new = change(header)
    line = new if isinstance(new, bytes) else json.dumps(new).encode()
    return MAGIC + line + raw[end:]


def _set(**values):
    def change(header):
        header.update(values)
        return header
    return change


DAMAGED = {
    "scrypt n not a power of two": (_set(n=3 * 2 ** 14), "beschadigd"),
    "scrypt n huge": (_set(n=2 ** 40), "beschadigd"),
    "scrypt n infinite": (lambda h: json.dumps(h).replace('"n": 32768', '"n": 1e400')
                          .encode(), "beschadigd"),
    "scrypt n as text": (_set(n="32768"), "beschadigd"),
    "scrypt n yes": (_set(n=True), "beschadigd"),
    "scrypt r zero": (_set(r=0), "beschadigd"),
    "scrypt p large": (_set(p=10 ** 6), "beschadigd"),
    "salt not base64": (_set(salt="!!!"), "beschadigd"),
    "nonce missing": (lambda h: {k: v for k, v in h.items() if k != "nonce"}, "beschadigd"),
    "deeply nested header": (lambda h: b'{"a": ' + b"[" * 2000 + b"]" * 2000 + b"}",
                             "beschadigd"),
    "huge header": (lambda h: b'{"a": "' + b"x" * 100_000 + b'"}', "beschadigd"),
    "header a list": (lambda h: b"[1, 2]", "beschadigd"),
    "header not json": (lambda h: b"\xff\xfe kop", "beschadigd"),
    "another format version": (_set(version=2), "onbekende versie"),
    "version as text": (_set(version="1"), "onbekende versie"),
    "another cipher": (_set(cipher="ChaCha20"), "beschadigd"),
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_damaged_encrypted_file_is_named_before_a_password(encrypted, name, capsys,
                                                           monkeypatch):
    change, words = DAMAGED[name]
    _, path = encrypted
    path.write_bytes(_with_header(path.read_bytes(), change))
    with pytest.raises(EncryptedFileDamaged) as info:  # no PasswordRequired: none helps
        read_case(path)
    assert words in str(info.value) and str(path) in str(info.value)
    with pytest.raises(EncryptedFileDamaged):  # and with a password: the same answer
        read_case(path, password="geheim wachtwoord")

    # the CLI: exit 2, the Dutch message, and it never prompts for the password
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda *a: pytest.fail("password asked"))
    assert main(["summary", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: fout: " in err and words in err
    assert "Traceback" not in err and "Error" not in err
    monkeypatch.setenv(PASSWORD_ENV, "geheim wachtwoord")
    assert main(["summary", str(path)]) == 2
    assert words in capsys.readouterr().err


def test_cut_off_encrypted_file_is_damaged(encrypted):
    _, path = encrypted
    raw = path.read_bytes()
    path.write_bytes(raw[:raw.index(b"\n", len(MAGIC)) + 5])
    with pytest.raises(EncryptedFileDamaged, match="beschadigd"):
        read_case(path)
