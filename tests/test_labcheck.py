"""The labs' check helper: one line when right or not written yet, a readable failure otherwise."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mlmath.labcheck import Case, Close, check_cases, data_file

A = np.array([[1, 2, 3], [4, 5, -6]])
B = np.arange(12.0).reshape(3, 4) / 7
CASES = [
    Case((A,), A.sum(axis=1), "a 2×3 matrix"),
    Case((B,), B.sum(axis=1), "a 3×4 matrix of fractions"),
]


def row_sums(A: np.ndarray) -> Any:
    return A.sum(axis=1)


def failure(
    function: Any, cases: list[Case] = CASES, call: str = "row_sums(A)", **options: Any
) -> str:
    with pytest.raises(AssertionError) as raised:
        check_cases(function, call, cases, **options)
    return str(raised.value)


def test_a_right_function_gets_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    check_cases(row_sums, "row_sums(A)", CASES)
    assert capsys.readouterr().out == "✓ row_sums: all 2 cases pass\n"


def test_one_case_is_counted_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    check_cases(row_sums, "row_sums(A)", CASES[:1])
    assert capsys.readouterr().out == "✓ row_sums: the case passes\n"


def test_a_function_not_written_yet_is_a_note_not_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def todo(A: np.ndarray) -> Any:
        raise NotImplementedError("write this function")

    check_cases(todo, "row_sums(A)", CASES)
    out = capsys.readouterr().out
    assert out.startswith("· row_sums is not written yet")
    assert out.count("\n") == 1


@pytest.mark.parametrize("returned", [None, Ellipsis])
def test_an_empty_body_is_not_written_yet(
    returned: object, capsys: pytest.CaptureFixture[str]
) -> None:
    check_cases(lambda A: returned, "row_sums(A)", CASES)
    out = capsys.readouterr().out
    assert out.startswith("· row_sums returns")
    assert "return" in out


def test_a_wrong_value_names_the_input_expected_got_and_the_entry() -> None:
    message = failure(lambda A: A.sum(axis=1) + (A[0, 0] == 0))
    assert message.splitlines()[0] == "✗ row_sums for a 3×4 matrix of fractions (case 2 of 2)"
    assert "row_sums(A) with" in message
    assert "A = [[0.      , 0.142857" in message
    assert "expected: [0.857143, 3.142857, 5.428571]" in message
    assert "got:      [1.857143, 4.142857, 6.428571]" in message
    assert "entry [0] differs: expected 0.8571428571, got 1.857142857" in message


def test_every_failing_case_is_counted_and_the_first_is_shown() -> None:
    message = failure(lambda A: A.sum(axis=1) * 2)
    assert "(case 1 of 2; 2 of 2 fail)" in message
    assert "expected: [6, 3]" in message
    # A matrix is shown one row a line, lined up under its name; NumPy scalars as numbers.
    assert "    A = [[ 1,  2,  3],\n         [ 4,  5, -6]]" in message
    assert "entry [0] differs: expected 6, got 12" in message
    assert "np.int64" not in message


def test_a_wrong_shape_is_said_as_shapes() -> None:
    message = failure(lambda A: A.sum(axis=0))
    assert "wrong shape: expected (2,), got (3,)" in message


def test_a_list_instead_of_an_array_says_how_to_wrap_it() -> None:
    message = failure(lambda A: list(A.sum(axis=1)))
    assert "got a list (wrap it with np.array(...))" in message


def test_nan_is_named() -> None:
    message = failure(lambda A: A.sum(axis=1) * np.nan)
    assert "your result contains NaN (not a number), first at entry [0]" in message


def test_a_missing_return_on_some_inputs_is_a_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    message = failure(lambda A: A.sum(axis=1) if A.dtype.kind == "i" else None)
    assert "(case 2 of 2)" in message
    assert "got None (did you forget to return?)" in message
    assert capsys.readouterr().out == ""


def test_an_exception_names_its_type_message_and_the_learners_line() -> None:
    def broken(A: np.ndarray) -> Any:
        total = A.sum(axis=1)
        return total + A[5]

    message = failure(broken)
    assert "raised IndexError: index 5 is out of bounds" in message
    assert "at line 3 of broken: return total + A[5]" in message
    assert "expected:" not in message


def test_not_implemented_in_one_branch_is_a_failure() -> None:
    def half(A: np.ndarray) -> Any:
        if A.dtype.kind == "f":
            raise NotImplementedError("floats next")
        return A.sum(axis=1)

    message = failure(half)
    assert "raised NotImplementedError: floats next (a part still to write?)" in message


def test_changing_an_input_in_place_is_reported_and_inputs_stay_intact() -> None:
    def in_place(A: np.ndarray) -> Any:
        A[0, 0] = 0
        return A.sum(axis=1)

    before = A.copy()
    message = failure(in_place, CASES[:1])
    assert "changed its input A (entry [0, 0] was 1, is now 0)" in message
    assert "work on a copy instead (A.copy())" in message
    assert np.array_equal(A, before)


def test_a_changed_input_fails_even_when_the_value_is_right() -> None:
    def tidy_but_rude(A: np.ndarray) -> Any:
        sums = A.sum(axis=1)
        A[:] = 0
        return sums

    message = failure(tidy_but_rude, CASES[:1])
    assert "changed its input A" in message
    assert "differs" not in message


def test_something_that_is_not_a_function() -> None:
    message = failure(42)
    assert message == (
        "✗ row_sums should be a function (a `def row_sums(...)` cell), but it is the number 42"
    )


def test_plain_values_are_not_said_twice() -> None:
    cases = [Case((1, 2), False, "a smaller first number"), Case((3, 2), True)]
    message = failure(lambda a, b: a < b, cases, "bigger(a, b)")
    assert message.splitlines() == [
        "✗ bigger for a smaller first number (case 1 of 2; 2 of 2 fail)",
        "  bigger(a, b) with",
        "    a = 1",
        "    b = 2",
        "  expected: False",
        "  got:      True",
    ]


def test_inputs_that_do_not_read_well_are_shown_as_written() -> None:
    cases = [Case((lambda x: x**2, 3.0), 6.0, shown="f(x) = x², x = 3")]
    message = failure(lambda f, x: f(x), cases, "slope(f, x)")
    assert "slope(f, x) with f(x) = x², x = 3" in message
    assert "expected: 6\n" in message
    assert message.endswith("got:      9")


def test_a_custom_comparison_decides_and_speaks() -> None:
    def unit_length(got: Any, expected: Any) -> str | None:
        length = float(np.linalg.norm(got))
        return None if abs(length - 1) < 1e-9 else f"its length is {length:.3g}, not 1"

    cases = [Case((np.array([3.0, 4.0]),), None)]
    check_cases(lambda v: v / np.linalg.norm(v), "unit(v)", cases, compare=unit_length)
    message = failure(lambda v: v / 2, cases, "unit(v)", compare=unit_length)
    assert "its length is 2.5, not 1" in message


def test_tolerances_can_be_tightened() -> None:
    cases = [Case((1.0,), 1.0)]
    check_cases(lambda x: x + 1e-8, "same(x)", cases)
    message = failure(lambda x: x + 1e-8, cases, "same(x)", compare=Close(1e-12, 1e-12))
    assert message.endswith("expected: 1\n  got:      1.00000001")


@pytest.mark.parametrize("call", ["row_sums", "row_sums(A, )", "2x(A)", "f(A b)"])
def test_a_badly_written_call_is_refused(call: str) -> None:
    with pytest.raises(ValueError, match="written like"):
        check_cases(row_sums, call, CASES)


def test_a_case_with_the_wrong_number_of_arguments_is_refused() -> None:
    with pytest.raises(ValueError, match="a case has 2 arguments"):
        check_cases(row_sums, "row_sums(A)", [Case((A, A), None)])
    with pytest.raises(ValueError, match="no cases"):
        check_cases(row_sums, "row_sums(A)", [])


def test_data_files_are_found_by_name_and_a_missing_one_lists_the_rest() -> None:
    with pytest.raises(FileNotFoundError, match=r"no data set called 'nothing\.csv'"):
        data_file("nothing.csv")
