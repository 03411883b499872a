"""Descriptions of real general-purpose AI models built from public data sets."""
