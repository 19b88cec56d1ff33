"""Composite indices: a pure Python engine (numpy, pandas, SciPy, scikit-learn, SALib), no web.

The method follows the JRC/OECD Handbook on Constructing Composite Indicators (2008), as the
JRC's COINr does in R: imputation, outlier treatment, normalisation, weights, aggregation, a
step-by-step record of what was done, statistics, and a Monte Carlo uncertainty and
sensitivity analysis. See docs/composite-indices.md.

This package imports neither Django nor any other part of the platform: the platform uses it.
"""

from .framework import Framework, Node
from .method import Method
from .pipeline import Result, compute
from .statistics import Statistics, analyse
from .steps import Step
from .uncertainty import Uncertainty, UncertaintyChoices, uncertainty

__all__ = [
    "Framework",
    "Method",
    "Node",
    "Result",
    "Statistics",
    "Step",
    "Uncertainty",
    "UncertaintyChoices",
    "analyse",
    "compute",
    "uncertainty",
]
