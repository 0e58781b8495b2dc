"""The framework's floor: a one-command typer app that prints its argument."""

import typer

app = typer.Typer()


@app.command()
def echo(word: str) -> None:
    print(word)


if __name__ == "__main__":
    app()
