from chuangye_cli.cli import run

if __name__ == "__main__":  # pragma: no cover - exercised via `python -m chuangye_cli`
    run()
