from littlegiant.cli.app import main

main()
