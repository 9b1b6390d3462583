# asset rules
