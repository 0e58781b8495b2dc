from littlegiant.cli import main

main()
