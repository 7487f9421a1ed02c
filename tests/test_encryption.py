"""Encrypted case files: round trip, wrong password, tampering, no plaintext on disk."""

from __future__ import annotations

import pytest

from effectencalculator.model.crypto import MAGIC
from effectencalculator.model.storage import (
    PasswordRequired, load_case, read_case, save_case,
)
from effectencalculator.model.validation import InvalidInputError

from conftest import EXAMPLE_CASE


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
