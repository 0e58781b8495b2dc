"""``python -m littlegiant``: the command, stop signals held from its first line (cli/stopping.py)."""

from littlegiant.cli.stopping import hold_from_start

hold_from_start()  # before the command's modules load: they take most of the start-up

from littlegiant.cli.app import main  # noqa: E402

main()
