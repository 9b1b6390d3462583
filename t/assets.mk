# asset tests
