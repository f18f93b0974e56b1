from chuangye_cli.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised via `python -m chuangye_cli`
    main()
