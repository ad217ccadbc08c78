from diplowatch.cli import main

main()
