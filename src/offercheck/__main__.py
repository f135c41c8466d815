from offercheck.cli.main import main

main(prog_name="offercheck")
