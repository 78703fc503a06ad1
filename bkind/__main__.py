from bkind.cli import main

main()
