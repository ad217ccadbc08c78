"""The public Python API is what __all__ says, complete and sorted."""

import diplowatch


def test_all_is_sorted_and_importable() -> None:
    assert diplowatch.__all__ == sorted(diplowatch.__all__)
    for name in diplowatch.__all__:
        assert getattr(diplowatch, name) is not None


def test_the_two_main_functions_are_public() -> None:
    assert {"process_article", "merge_reports", "open_store"} <= set(diplowatch.__all__)


def test_every_public_name_has_a_home_module() -> None:
    assert set(diplowatch._HOMES) == set(diplowatch.__all__)
