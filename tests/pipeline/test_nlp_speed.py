"""What the pipeline does to run faster than the stock model changes none of its annotation."""

from __future__ import annotations

from pathlib import Path

from thinc.api import Model, NumpyOps

from tradefacts.pipeline.nlp import load_model, use_numpy_blas

ROOT = Path(__file__).resolve().parents[2]


def _layers_ops(nlp) -> set[tuple[str, bool]]:
    return {
        (type(node.ops).__name__, getattr(node.ops, "use_blis", False))
        for _, component in nlp.components
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    }


def test_the_pipeline_multiplies_with_numpy_blas(nlp) -> None:
    assert _layers_ops(nlp) == {("NumpyOps", False)}


def test_numpy_blas_parses_our_articles_as_blis_does(nlp) -> None:
    stock = load_model()
    assert ("NumpyOps", True) in _layers_ops(stock)
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests/gold").rglob("*.txt"))[:25]]
    assert texts
    before = list(stock.pipe(texts))
    use_numpy_blas(stock)
    assert _layers_ops(stock) == {("NumpyOps", False)}
    after = list(stock.pipe(texts))
    for a, b in zip(before, after, strict=True):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == [
            (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b
        ]


def test_layers_on_another_backend_are_left_alone() -> None:
    from spacy.language import Language

    class OtherOps(NumpyOps):
        name = "other"

    nlp = Language()
    component = nlp.add_pipe("textcat")
    for node in component.model.walk():
        node.ops = OtherOps()
    use_numpy_blas(nlp)
    assert {type(node.ops) for node in component.model.walk()} == {OtherOps}


def test_numpy_blas_runs_on_one_thread_while_extracting() -> None:
    from threadpoolctl import threadpool_info

    from tradefacts.pipeline.nlp import one_blas_thread

    with one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert inside and set(inside) == {1}
