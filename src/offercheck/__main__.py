from offercheck.cli import main

main(prog_name="offercheck")
