"""chuangye: KPI calculator and target checker for Jinan's entrepreneurship-type city plan."""

__version__ = "0.1.0"
