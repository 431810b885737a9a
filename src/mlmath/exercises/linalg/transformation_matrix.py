"""Skill: the matrix of a linear transformation, from the images of the basis vectors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mlmath.answers import AnswerFormat, Kind
from mlmath.engine.exact import Matrix, Vector
from mlmath.engine.linalg.transformations import matrix_from_images
from mlmath.engine.solution import Solution
from mlmath.exercises.figures import is_plane, plane_matrix
from mlmath.exercises.inputs import Field, InputError
from mlmath.exercises.linalg.vector_variants import WEEK3_TRANSFORMATIONS, random_vector
from mlmath.exercises.mistakes import Slip, Transposed
from mlmath.exercises.registry import register
from mlmath.exercises.skill import Misconception, Params, Prompt, Skill

TOPIC = f"{WEEK3_TRANSFORMATIONS} · Linear transformations as matrices"


@register
class TransformationMatrix(Skill):
    id = "linalg.transformation_matrix"
    title = "The matrix of a linear transformation"
    summary = "The images of e₁, e₂, … are the columns of the matrix."
    levels = 3
    inputs = (Field("images", "vectors", "the images T(e1), T(e2), … in order"),)
    misconceptions = (
        Misconception(
            "images_as_rows",
            "You wrote the images as rows",
            "A e₁ picks out the FIRST COLUMN of A, so the image of e₁ must be column 1; "
            "as rows you get the transpose, a different transformation.",
            TOPIC,
        ),
        Misconception(
            "swapped_columns",
            "You put the images in the wrong order",
            "Column 1 is where e₁ goes and column 2 where e₂ goes; swapping them first "
            "reflects the plane across the diagonal.",
            TOPIC,
        ),
        Misconception(
            "moves_not_images",
            "You wrote how far e₁ and e₂ move instead of where they land",
            "Column 1 is the image T(e₁) itself, the point where e₁ lands. Subtracting e₁ "
            "from it gives the step from e₁ to its image, and those steps as columns make "
            "A − I, a different transformation.",
            TOPIC,
        ),
    )

    def generate(self, rng: np.random.Generator, level: int) -> Params:
        n, low, high = {1: (2, 0, 4), 2: (2, -6, 6), 3: (3, -6, 6)}[level]
        while True:
            images = tuple(random_vector(rng, n, low, high) for _ in range(n))
            if len(set(images)) == n:
                return {"images": images}

    def prompt(self, params: Params) -> Prompt:
        parts = ", ".join(f"e{i + 1} to {v.text()}" for i, v in enumerate(params["images"]))
        return (f"A linear transformation T sends {parts}. Write down its matrix.",)

    def answer_format(self, params: Params) -> AnswerFormat:
        n = len(params["images"])
        return AnswerFormat(Kind.MATRIX, shape=(len(params["images"][0]), n))

    def check_inputs(self, params: Params) -> None:
        if len(params["images"]) > 4:
            raise InputError("give the images of at most 4 basis vectors")

    def solve(self, params: Params) -> Solution[Matrix]:
        return matrix_from_images(list(params["images"]))

    def hints(self, params: Params) -> tuple[str, ...]:
        return (
            "What does A e₁ pick out of a matrix A?",
            "Write the image of e₁ as the first column, the image of e₂ as the second.",
        )

    def common_mistakes(self, params: Params) -> Sequence[Slip]:
        """The images written as rows instead of columns."""
        return (Transposed(),)

    def buggy_answers(self, params: Params) -> Mapping[str, Any]:
        images: tuple[Vector, ...] = params["images"]
        out: dict[str, Any] = {}
        if len(images) == len(images[0]):
            out["images_as_rows"] = Matrix(tuple(v.entries for v in images))
        out["swapped_columns"] = Matrix.from_columns([images[1], images[0], *images[2:]])
        if len(images) == len(images[0]):
            steps = Matrix.from_columns(list(images)) - Matrix.identity(len(images))
            out["moves_not_images"] = steps
        return out

    def figure(self, params: Params) -> Mapping[str, Any] | None:
        images: tuple[Vector, ...] = params["images"]
        if len(images) != 2 or not is_plane(*images):
            return None
        return {
            "kind": "linear-transformation",
            "params": {
                "matrix": plane_matrix(Matrix.from_columns(list(images))),
                "show_matrix": False,
            },
            "caption": "Where T sends e₁ and e₂, and what it does to the grid. Drag the "
            "images to try other transformations.",
        }
