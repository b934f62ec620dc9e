"""Inputs and outputs: reading files of every supported format into Articles, writing them back.

``inputs`` dispatches (dumps, records, directories, standard input), ``compression`` is the one
table of compressed formats, ``encoding`` turns bytes into text, ``records`` maps crawler records
onto Articles, ``output`` writes by suffix through ``atomic`` (write, then rename).
"""
