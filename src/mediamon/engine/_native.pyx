# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""Native core of matching: normalisation with an offset map, and a trie walked from word starts.

The pure-Python engine (``_python.py``: ``re``, ``str.translate``, pyahocorasick with
every hit filtered in Python) has the same interface and stays the reference; this
module does the same work in one C pass each, and the tests hold the two to the same
results. :mod:`mediamon.engine` chooses between them.

- :class:`CharTable` is a normaliser's per-character table as arrays over all of Unicode.
- :func:`normalize` applies it, with the whitespace-run rule and the context-rule edits
  found by the caller, and records for every output character the original span it came
  from (:class:`Mapped`).
- :class:`Trie` holds normalised keys. :meth:`Trie.scan` walks it from every word start
  (and from after each allowed proclitic inside a word), so hits that start or end inside
  a word are never produced, unlike an Aho–Corasick scan that reports every substring hit.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdint cimport int32_t, uint8_t, uint32_t, uint64_t
from libc.stdlib cimport qsort
from libc.string cimport memcpy, memset
from cpython.bytes cimport PyBytes_FromStringAndSize

cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    char *PyBytes_AS_STRING(object b)

cdef enum:
    F_SPACING = 1  # may start a whitespace run
    F_TAIL = 2     # may continue a whitespace run
    F_SOFT = 4     # a deleted combining mark: it belongs to the letter before it

NAME = "native"

cdef uint32_t MAP_DELETE = 0xFFFFFFFF
cdef uint32_t MAP_EXPAND = 0xFFFFFFFE
cdef Py_ssize_t UNICODE_SIZE = 0x110000
cdef Py_ssize_t MAX_TEXT = 0x7FFFFFFF

cdef enum:
    ROOT_DIRECT = 0x800  # Latin, Greek, Cyrillic, Hebrew and Arabic letters (see Trie.root)


cdef class CharTable:
    """A normaliser's character table: one output per code point, and run/soft flags."""

    cdef uint32_t *out
    cdef uint8_t *flags
    cdef dict expand

    def __cinit__(self, dict one, dict other, spacing, tail, soft):
        """``one``: code point -> one character; ``other``: character -> its deletion or expansion.

        ``spacing`` characters may start a whitespace run, ``tail`` ones continue it, ``soft``
        ones are deleted marks that stay with the letter before them.
        """
        cdef Py_ssize_t i
        self.out = <uint32_t *> PyMem_Malloc(UNICODE_SIZE * sizeof(uint32_t))
        self.flags = <uint8_t *> PyMem_Malloc(UNICODE_SIZE)
        if self.out == NULL or self.flags == NULL:
            raise MemoryError()
        for i in range(UNICODE_SIZE):
            self.out[i] = <uint32_t> i
        memset(self.flags, 0, UNICODE_SIZE)
        self.expand = {}
        for code, value in one.items():
            if value is None:
                self.out[code] = MAP_DELETE
            elif isinstance(value, int):
                self.out[code] = <uint32_t> value
            elif len(value) == 1:
                self.out[code] = <uint32_t> ord(value)
            else:
                raise ValueError(f"one-to-one entry for U+{code:04X} has {len(value)} characters")
        for char, value in other.items():
            if value == "":
                self.out[ord(char)] = MAP_DELETE
            else:
                self.out[ord(char)] = MAP_EXPAND
                self.expand[char] = value
        for char in spacing:
            self.flags[ord(char)] |= F_SPACING
        for char in tail:
            self.flags[ord(char)] |= F_TAIL
        for char in soft:
            self.flags[ord(char)] |= F_SOFT

    def __dealloc__(self):
        PyMem_Free(self.out)
        PyMem_Free(self.flags)

    def map(self, str char):
        """What the table makes of one character ("" for a deletion)."""
        cdef uint32_t value = self.out[ord(char)]
        if value == MAP_DELETE:
            return ""
        if value == MAP_EXPAND:
            return self.expand[char]
        return chr(value)


cdef class Mapped:
    """Normalised text with, for each of its characters, the original span that produced it."""

    cdef Py_UCS4 *buf
    cdef int32_t *ostart
    cdef int32_t *oend
    cdef Py_ssize_t n
    cdef Py_ssize_t cap
    cdef readonly str original
    cdef object _text

    def __cinit__(self, str original):
        self.original = original
        self.cap = len(original) + 16
        self.n = 0
        self.buf = <Py_UCS4 *> PyMem_Malloc(self.cap * sizeof(Py_UCS4))
        self.ostart = <int32_t *> PyMem_Malloc(self.cap * sizeof(int32_t))
        self.oend = <int32_t *> PyMem_Malloc(self.cap * sizeof(int32_t))
        if self.buf == NULL or self.ostart == NULL or self.oend == NULL:
            raise MemoryError()
        self._text = None

    def __dealloc__(self):
        PyMem_Free(self.buf)
        PyMem_Free(self.ostart)
        PyMem_Free(self.oend)

    cdef int _grow(self) except -1:
        cdef Py_ssize_t cap = self.cap * 2
        cdef void *mem
        mem = PyMem_Realloc(self.buf, cap * sizeof(Py_UCS4))
        if mem == NULL:
            raise MemoryError()
        self.buf = <Py_UCS4 *> mem
        mem = PyMem_Realloc(self.ostart, cap * sizeof(int32_t))
        if mem == NULL:
            raise MemoryError()
        self.ostart = <int32_t *> mem
        mem = PyMem_Realloc(self.oend, cap * sizeof(int32_t))
        if mem == NULL:
            raise MemoryError()
        self.oend = <int32_t *> mem
        self.cap = cap
        return 0

    cdef inline int emit(self, Py_UCS4 char, int32_t start, int32_t end) except -1:
        if self.n == self.cap:
            self._grow()
        self.buf[self.n] = char
        self.ostart[self.n] = start
        self.oend[self.n] = end
        self.n += 1
        return 0

    def __len__(self):
        return self.n

    @property
    def text(self):
        """The normalised text."""
        if self._text is None:
            self._text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self.buf, self.n)
        return self._text

    cpdef Py_ssize_t to_original_start(self, Py_ssize_t pos):
        """Original index of the character that produced normalised ``pos``."""
        if pos >= self.n:
            return len(self.original)
        if pos < 0:
            return 0
        return self.ostart[pos]

    cpdef Py_ssize_t to_original_end(self, Py_ssize_t end):
        """Original end (exclusive) of the normalised span ending at ``end``, trailing marks included."""
        if end <= 0:
            return 0
        if end > self.n:
            return len(self.original)
        return self.oend[end - 1]

    def span(self, Py_ssize_t start, Py_ssize_t end):
        """The original (start, end) of normalised ``[start:end]``."""
        return self.to_original_start(start), self.to_original_end(end)


def normalize(CharTable table, str text, list edits):
    """Normalise ``text`` with ``table``; ``edits`` are the context rules' (start, end, replacement).

    ``edits`` are sorted and do not overlap; a replacement of ``None`` leaves its characters
    to the table alone. A run of a spacing character and at least one more spacing or
    deleted character becomes one space (the whitespace rule of ``normalize.py``).
    """
    cdef Py_ssize_t n = len(text)
    if n > MAX_TEXT:
        raise ValueError("text too long for the native normaliser")
    cdef Mapped mapped = Mapped(text)
    cdef Py_ssize_t i = 0, j, k = 0, nedits = len(edits), limit, s, e
    cdef Py_UCS4 c
    cdef uint32_t value
    cdef uint8_t flag
    cdef uint32_t *out = table.out
    cdef uint8_t *flags = table.flags
    cdef Py_ssize_t next_edit = n + 1
    cdef object replacement
    cdef int kind = PyUnicode_KIND(text)  # read each character straight from the string's buffer
    cdef void *data = PyUnicode_DATA(text)
    if nedits:
        next_edit = edits[0][0]
    while i < n:
        if i == next_edit:
            s, e, replacement = edits[k]
            if replacement is None:
                for j in range(s, e):
                    value = out[PyUnicode_READ(kind, data, j)]
                    mapped.emit(<Py_UCS4> value, <int32_t> j, <int32_t> (j + 1))
            else:
                for c in <str> replacement:
                    mapped.emit(c, <int32_t> s, <int32_t> e)
            i = e
            k += 1
            next_edit = edits[k][0] if k < nedits else n + 1
            continue
        c = PyUnicode_READ(kind, data, i)
        flag = flags[c]
        if flag & F_SPACING:
            limit = next_edit if next_edit < n else n
            j = i + 1
            while j < limit and flags[PyUnicode_READ(kind, data, j)] & F_TAIL:
                j += 1
            if j - i >= 2:
                mapped.emit(u" ", <int32_t> i, <int32_t> j)
                i = j
                continue
        value = out[c]
        if value == MAP_DELETE:
            if flag & F_SOFT:
                j = mapped.n - 1
                while j >= 0 and mapped.oend[j] == i:
                    mapped.oend[j] = <int32_t> (i + 1)
                    j -= 1
        elif value == MAP_EXPAND:
            for c in <str> table.expand[c]:
                mapped.emit(c, <int32_t> i, <int32_t> (i + 1))
        else:
            mapped.emit(<Py_UCS4> value, <int32_t> i, <int32_t> (i + 1))
        i += 1
    return mapped


cdef struct Slot:
    uint32_t parent  # parent node + 1; 0: an empty slot
    uint32_t char
    int32_t child


cdef uint8_t ASCII_ALNUM[128]
for _c in range(128):
    ASCII_ALNUM[_c] = chr(_c).isalnum()

#: str.isalnum of each character of the Basic Multilingual Plane, one bit each (8 KiB): the
#: walks ask it of every character, and Arabic text would otherwise call into Unicode tables.
cdef uint8_t BMP_ALNUM[0x2000]  # 0x10000 bits


cdef void _fill_alnum() noexcept nogil:
    cdef uint32_t c
    memset(BMP_ALNUM, 0, sizeof(BMP_ALNUM))
    for c in range(0x10000):
        if Py_UNICODE_ISALNUM(<Py_UCS4> c):
            BMP_ALNUM[c >> 3] |= <uint8_t> (1 << (c & 7))


_fill_alnum()


cdef inline bint is_alnum(Py_UCS4 c) noexcept nogil:
    if c < 128:
        return ASCII_ALNUM[c]
    cdef uint32_t code = <uint32_t> c
    if code < 0x10000:
        return (BMP_ALNUM[code >> 3] >> (code & 7)) & 1
    return Py_UNICODE_ISALNUM(c)


cdef inline uint64_t _mix(uint64_t key) nogil:
    return key * <uint64_t> 0x9E3779B97F4A7C15


cdef class Trie:
    """Keys (normalised aliases) to integer values, as a hash table of (node, character) -> child."""

    cdef Slot *slots
    cdef Py_ssize_t bits
    cdef Py_ssize_t used
    cdef int32_t *values
    cdef Py_ssize_t nodes
    cdef Py_ssize_t node_cap
    cdef readonly Py_ssize_t size
    cdef int32_t max_value
    cdef Trie prefixes
    cdef bytes kinds
    cdef bytes allowed
    cdef int width
    #: the root's children by character, for characters below ROOT_DIRECT: every walk starts
    #: there, and the array stays in cache where the hash table's slots would not
    cdef int32_t root[ROOT_DIRECT]

    def __cinit__(self):
        cdef Py_ssize_t i
        for i in range(ROOT_DIRECT):
            self.root[i] = -1
        self.max_value = -1
        self.bits = 10
        self.used = 0
        self.slots = <Slot *> PyMem_Malloc((1 << self.bits) * sizeof(Slot))
        self.node_cap = 256
        self.values = <int32_t *> PyMem_Malloc(self.node_cap * sizeof(int32_t))
        if self.slots == NULL or self.values == NULL:
            raise MemoryError()
        memset(self.slots, 0, (1 << self.bits) * sizeof(Slot))
        self.values[0] = -1
        self.nodes = 1
        self.size = 0

    def __dealloc__(self):
        PyMem_Free(self.slots)
        PyMem_Free(self.values)

    def __len__(self):
        return self.size

    @property
    def nbytes(self):
        """Memory held by the trie's arrays."""
        return (1 << self.bits) * sizeof(Slot) + self.node_cap * sizeof(int32_t)

    cdef inline int32_t child(self, int32_t node, Py_UCS4 char) noexcept nogil:
        if node == 0 and <uint32_t> char < ROOT_DIRECT:
            return self.root[<uint32_t> char]
        cdef uint32_t parent = <uint32_t> node + 1
        cdef uint64_t mask = (<uint64_t> 1 << self.bits) - 1
        cdef uint64_t at = _mix((<uint64_t> parent << 21) | <uint64_t> char) >> (64 - self.bits)
        cdef Slot *slot
        while True:
            slot = &self.slots[at]
            if slot.parent == parent and slot.char == char:
                return slot.child
            if slot.parent == 0:
                return -1
            at = (at + 1) & mask

    cdef int _rehash(self) except -1:
        cdef Py_ssize_t old_size = 1 << self.bits
        cdef Slot *old_slots = self.slots
        cdef Slot *slots
        cdef Py_ssize_t bits = self.bits + 1
        cdef uint64_t mask = (<uint64_t> 1 << bits) - 1
        cdef uint64_t at
        cdef Py_ssize_t i
        slots = <Slot *> PyMem_Malloc((1 << bits) * sizeof(Slot))
        if slots == NULL:
            raise MemoryError()
        memset(slots, 0, (1 << bits) * sizeof(Slot))
        for i in range(old_size):
            if old_slots[i].parent:
                at = _mix((<uint64_t> old_slots[i].parent << 21) | <uint64_t> old_slots[i].char) >> (64 - bits)
                while slots[at].parent:
                    at = (at + 1) & mask
                slots[at] = old_slots[i]
        self.slots = slots
        self.bits = bits
        PyMem_Free(old_slots)
        return 0

    cdef int32_t _add_child(self, int32_t node, Py_UCS4 char) except -1:
        cdef uint32_t parent = <uint32_t> node + 1
        cdef uint64_t mask
        cdef uint64_t at
        cdef void *mem
        if (self.used + 1) * 2 > (1 << self.bits):
            self._rehash()
        if self.nodes == self.node_cap:
            mem = PyMem_Realloc(self.values, self.node_cap * 2 * sizeof(int32_t))
            if mem == NULL:
                raise MemoryError()
            self.values = <int32_t *> mem
            self.node_cap *= 2
        if self.nodes >= 0x7FFFFFFF:
            raise OverflowError("trie too large")
        mask = (<uint64_t> 1 << self.bits) - 1
        at = _mix((<uint64_t> parent << 21) | <uint64_t> char) >> (64 - self.bits)
        while self.slots[at].parent:
            at = (at + 1) & mask
        self.slots[at].parent = parent
        self.slots[at].char = <uint32_t> char
        self.slots[at].child = <int32_t> self.nodes
        if node == 0 and <uint32_t> char < ROOT_DIRECT:
            self.root[<uint32_t> char] = <int32_t> self.nodes
        self.values[self.nodes] = -1
        self.nodes += 1
        self.used += 1
        return <int32_t> (self.nodes - 1)

    def add(self, str key, int32_t value):
        """Store ``value`` under ``key`` (replacing any value it had)."""
        cdef int32_t node = 0, nxt
        cdef Py_UCS4 c
        if value < 0:
            raise ValueError("trie values must be >= 0")
        for c in key:
            nxt = self.child(node, c)
            if nxt < 0:
                nxt = self._add_child(node, c)
            node = nxt
        if self.values[node] < 0:
            self.size += 1
        self.values[node] = value
        if value > self.max_value:
            self.max_value = value

    def get(self, str key, default=None):
        """The value stored under ``key``, or ``default``."""
        cdef int32_t node = 0
        cdef Py_UCS4 c
        for c in key:
            node = self.child(node, c)
            if node < 0:
                return default
        return self.values[node] if self.values[node] >= 0 else default

    def configure(self, Trie prefixes, bytes kinds, bytes allowed, int width):
        """Set what :meth:`scan` filters hits with, once after the last add.

        ``kinds`` holds each value's kind id; ``allowed[kind * width + proclitic id]`` says
        whether a kind may follow that proclitic (id 0: none; ids are ``prefixes``' values).
        """
        if len(kinds) < self.max_value + 1:
            raise ValueError("kinds needs one entry per value")
        if max(kinds, default=0) * width + width > len(allowed) or width < 1:
            raise ValueError("allowed needs width entries per kind")
        self.prefixes = prefixes
        self.kinds = kinds
        self.allowed = allowed
        self.width = width

    def scan(self, Mapped text):
        """Hits of whole keys in ``text``: a list of (original start, original end, value, proclitic length).

        A hit starts at a word start, or after a proclitic (a key of the ``prefixes`` trie)
        walked from that word start; it must end at a word end, and its kind must allow
        its proclitic (see :meth:`configure`).
        """
        cdef Py_UCS4 *buf = text.buf
        cdef Py_ssize_t n = text.n
        cdef Py_ssize_t p, q
        cdef int32_t pnode, pid
        cdef list out = []
        cdef Trie prefixes = self.prefixes
        if self.kinds is None:
            raise ValueError("configure() the trie before scanning")
        cdef const uint8_t *kind_of = self.kinds
        cdef const uint8_t *ok = self.allowed
        cdef int width = self.width
        for p in range(n):
            if p and is_alnum(buf[p - 1]):
                continue
            self._walk(text, p, 0, 0, kind_of, ok, width, out)
            if prefixes is None:
                continue
            pnode = 0
            q = p
            while q < n and is_alnum(buf[q]):
                pnode = prefixes.child(pnode, buf[q])
                if pnode < 0:
                    break
                q += 1
                pid = prefixes.values[pnode]
                if pid >= 0 and q < n:
                    self._walk(text, q, pid, q - p, kind_of, ok, width, out)
        return out

    cdef int _walk(
        self,
        Mapped text,
        Py_ssize_t start,
        int32_t pid,
        Py_ssize_t cut,
        const uint8_t *kind_of,
        const uint8_t *ok,
        int width,
        list out,
    ) except -1:
        cdef Py_UCS4 *buf = text.buf
        cdef Py_ssize_t n = text.n
        cdef int32_t node = 0
        cdef int32_t value
        cdef Py_ssize_t j
        for j in range(start, n):
            node = self.child(node, buf[j])
            if node < 0:
                return 0
            value = self.values[node]
            if value < 0:
                continue
            if j + 1 < n and is_alnum(buf[j + 1]):
                continue
            if not ok[kind_of[value] * width + pid]:
                continue
            out.append((text.ostart[start], text.oend[j], value, cut))
        return 0

    def scan_tokens(self, str stream):
        """Hits of whole keys in a stream of space-separated tokens: (first token, last token, value)."""
        cdef Py_ssize_t n = len(stream)
        cdef Py_ssize_t p, j, token = 0, last
        cdef int32_t node, value
        cdef Py_UCS4 c
        cdef list out = []
        for p in range(n):
            if p and stream[p - 1] != u" ":
                continue
            if p:
                token += 1
            node = 0
            last = token
            for j in range(p, n):
                c = stream[j]
                node = self.child(node, c)
                if node < 0:
                    break
                if c == u" ":
                    last += 1
                value = self.values[node]
                if value >= 0 and (j + 1 == n or stream[j + 1] == u" "):
                    out.append((token, last, value))
        return out


cdef class CharSet:
    """A set of characters as a bitmap over all of Unicode (for word-finding loops)."""

    cdef uint8_t *bits

    def __cinit__(self, chars):
        self.bits = <uint8_t *> PyMem_Malloc(UNICODE_SIZE // 8)
        if self.bits == NULL:
            raise MemoryError()
        memset(self.bits, 0, UNICODE_SIZE // 8)
        cdef uint32_t c
        for char in chars:
            c = ord(char)
            self.bits[c >> 3] |= <uint8_t> (1 << (c & 7))

    def __dealloc__(self):
        PyMem_Free(self.bits)

    cdef inline bint has(self, Py_UCS4 char) noexcept nogil:
        cdef uint32_t c = <uint32_t> char
        return (self.bits[c >> 3] >> (c & 7)) & 1

    def __contains__(self, str char):
        return len(char) == 1 and self.has(ord(char))

    def any_in(self, str text):
        """Whether ``text`` holds a character of the set."""
        cdef Py_UCS4 c
        for c in text:
            if self.has(c):
                return True
        return False

    def pair_in(self, str text, CharSet second):
        """Whether ``text`` holds a character of the set followed by one of ``second``."""
        cdef Py_UCS4 c
        cdef bint armed = False
        for c in text:  # iterated, not indexed: Cython reads the string's kind once
            if armed and second.has(c):
                return True
            armed = self.has(c)
        return False


cdef Py_ssize_t _word_end(str text, Py_ssize_t n, Py_ssize_t i, CharSet joiners):
    """The end of the word at ``i``: letters and digits, with single ``joiners`` between runs."""
    cdef Py_ssize_t j = i + 1
    while j < n and is_alnum(text[j]):
        j += 1
    while j + 1 < n and joiners.has(text[j]) and is_alnum(text[j + 1]):
        j += 2
        while j < n and is_alnum(text[j]):
            j += 1
    return j


cdef inline bint _after_word(str text, Py_ssize_t i):
    """Whether position ``i`` follows a letter, digit or ``_`` (so no word starts there)."""
    cdef Py_UCS4 prev
    if i == 0:
        return False
    prev = text[i - 1]
    return is_alnum(prev) or prev == u"_"


def words(str text, CharSet first, CharSet joiners):
    """(start, end, word) of the words of ``text`` that begin with a character of ``first``.

    A word is that character and the letters and digits after it, with single ``joiners``
    (apostrophes) between runs of them; it must not follow a letter, digit or ``_``. A
    candidate that does follow one is skipped whole, as a regex scan would skip it.
    """
    cdef Py_ssize_t n = len(text), i = 0, j
    cdef list out = []
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    while i < n:
        if not first.has(PyUnicode_READ(kind, data, i)):
            i += 1
            continue
        j = _word_end(text, n, i, joiners)
        if not _after_word(text, i):
            out.append((i, j, text[i:j]))
        i = j
    return out


cdef struct Ranked:
    Py_ssize_t length
    Py_ssize_t start
    Py_ssize_t rank
    Py_ssize_t index


cdef int _by_rank(const void *a, const void *b) noexcept nogil:
    cdef const Ranked *x = <const Ranked *> a
    cdef const Ranked *y = <const Ranked *> b
    if x.length != y.length:
        return -1 if x.length > y.length else 1
    if x.start != y.start:
        return -1 if x.start < y.start else 1
    if x.rank != y.rank:
        return -1 if x.rank < y.rank else 1
    return -1 if x.index < y.index else (1 if x.index > y.index else 0)


cdef int _by_start(const void *a, const void *b) noexcept nogil:
    cdef const Ranked *x = <const Ranked *> a
    cdef const Ranked *y = <const Ranked *> b
    if x.start != y.start:
        return -1 if x.start < y.start else 1
    return -1 if x.index < y.index else (1 if x.index > y.index else 0)


def resolve(list candidates, Py_ssize_t length, dict rank):
    """Non-overlapping candidates, longest first, ties to the earliest start, then the best ``rank[how]``.

    Candidates are tuples starting (start, end, how, ...); the kept ones come back in
    text order. Equal candidates keep their input order (the result of a stable sort).
    """
    cdef Py_ssize_t count = len(candidates)
    if count < 2:
        return list(candidates)
    cdef Ranked *order = <Ranked *> PyMem_Malloc(count * sizeof(Ranked))
    cdef uint8_t *taken = <uint8_t *> PyMem_Malloc(length + 1)
    cdef Py_ssize_t i, j, kept = 0, start, end
    cdef bint free
    cdef tuple cand
    try:
        if order == NULL or taken == NULL:
            raise MemoryError()
        for i in range(count):
            cand = <tuple> candidates[i]
            start = cand[0]
            end = cand[1]
            if start < 0 or end > length or start > end:
                raise ValueError(f"candidate {start}:{end} outside a text of length {length}")
            order[i].length = end - start
            order[i].start = start
            order[i].rank = rank[cand[2]]
            order[i].index = i
        qsort(order, count, sizeof(Ranked), _by_rank)
        memset(taken, 0, length + 1)
        for i in range(count):
            start = order[i].start
            end = start + order[i].length
            free = True
            for j in range(start, end):
                if taken[j]:
                    free = False
                    break
            if free:
                memset(taken + start, 1, end - start)
                order[kept] = order[i]
                kept += 1
        qsort(order, kept, sizeof(Ranked), _by_start)
        return [candidates[order[i].index] for i in range(kept)]
    finally:
        PyMem_Free(order)
        PyMem_Free(taken)


cdef class _Tokens:
    """Keys with the spans of the words they came from (None: a break between name runs)."""

    cdef list keys
    cdef Py_ssize_t *starts
    cdef Py_ssize_t *ends
    cdef Py_ssize_t n
    cdef Py_ssize_t cap

    def __cinit__(self):
        self.keys = []
        self.n = 0
        self.cap = 64
        self.starts = <Py_ssize_t *> PyMem_Malloc(self.cap * sizeof(Py_ssize_t))
        self.ends = <Py_ssize_t *> PyMem_Malloc(self.cap * sizeof(Py_ssize_t))
        if self.starts == NULL or self.ends == NULL:
            raise MemoryError()

    def __dealloc__(self):
        PyMem_Free(self.starts)
        PyMem_Free(self.ends)

    cdef int push(self, object key, Py_ssize_t start, Py_ssize_t end) except -1:
        cdef void *mem
        if self.n == self.cap:
            mem = PyMem_Realloc(self.starts, self.cap * 2 * sizeof(Py_ssize_t))
            if mem == NULL:
                raise MemoryError()
            self.starts = <Py_ssize_t *> mem
            mem = PyMem_Realloc(self.ends, self.cap * 2 * sizeof(Py_ssize_t))
            if mem == NULL:
                raise MemoryError()
            self.ends = <Py_ssize_t *> mem
            self.cap *= 2
        self.keys.append(key)
        self.starts[self.n] = start
        self.ends[self.n] = end
        self.n += 1
        return 0


def name_hits(
    Trie trie,
    str text,
    CharSet first,
    CharSet joiners,
    dict cache,
    object compute,
    object joined,
    endings,
):
    """Hits of ``trie``'s keys over runs of keyed words: (start, end, value), in text order.

    The same as ``English.variant_stream`` (capitalised words, their keys, runs of keyed
    words), then :meth:`Trie.scan_tokens` on the keys joined by spaces, in one pass: a hit
    is a sequence of consecutive keys of one run whose space-joined form is a key of
    ``trie``; it spans from its first key's word start to its last key's word end (a
    possessive ending left out).
    """
    cdef _Tokens tokens = _Tokens()
    cdef Py_ssize_t n = len(text), i = 0, j, previous_end = -1, name_end
    cdef Py_UCS4 c
    cdef str word
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    while i < n:
        if not first.has(PyUnicode_READ(kind, data, i)):
            i += 1
            continue
        j = _word_end(text, n, i, joiners)
        if _after_word(text, i):
            i = j
            continue
        word = text[i:j]
        found = cache.get(word)
        if found is None:
            found = compute(word)
        if found:
            if previous_end >= 0 and not (i == previous_end + 1 and text[previous_end] == u" "):
                if joined(text, previous_end, i) is None:
                    tokens.push(None, previous_end, previous_end)
            previous_end = j
            name_end = j - 2 if j - i >= 2 and word[j - i - 2:] in endings else j
            for key in found:
                tokens.push(key, i, name_end)
        i = j
    cdef list out = []
    cdef Py_ssize_t t, u
    cdef int32_t node, value
    cdef list keys = tokens.keys
    for t in range(tokens.n):
        if keys[t] is None:
            continue
        node = 0
        for u in range(t, tokens.n):
            key = keys[u]
            if key is None:
                break
            if u > t:
                node = trie.child(node, u" ")
                if node < 0:
                    break
            for c in <str> key:
                node = trie.child(node, c)
                if node < 0:
                    break
            if node < 0:
                break
            value = trie.values[node]
            if value >= 0:
                out.append((tokens.starts[t], tokens.ends[u], value))
    return out


# --- language ID: langdetect's naive-Bayes scoring ---------------------------------------------
#
# The same model and the same seeded trials as langdetect (whose profile files are read by
# mediamon.text.langid), written for speed: the n-gram walk over normalised text and the
# trials over a flat row-major matrix of per-language n-gram probabilities. The random
# numbers are Python's (MT19937 seeded from one 32-bit word, ``random()``, ``gauss``,
# ``choice``), so both engines draw the same sequence.

from libc.math cimport cos, log, sin, sqrt

cdef extern from "Python.h":
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch) nogil

cdef enum:
    MT_N = 624
    MT_M = 397

cdef extern from *:
    """
    #define MT_UPPER 0x80000000U
    #define MT_LOWER 0x7fffffffU
    #define MT_MATRIX 0x9908b0dfU
    #define MT_TEMPER_B 0x9d2c5680U
    #define MT_TEMPER_C 0xefc60000U
    """
    const uint32_t MT_UPPER
    const uint32_t MT_LOWER
    const uint32_t MT_MATRIX
    const uint32_t MT_TEMPER_B
    const uint32_t MT_TEMPER_C

cdef struct Twister:
    uint32_t state[624]
    int index
    bint has_next
    double next_gauss


cdef void _mt_seed(Twister *mt, uint32_t seed) noexcept nogil:
    """Python's ``random.seed(seed)`` for 0 <= seed < 2**32: initialisation by a one-word key."""
    cdef uint32_t *s = mt.state
    cdef int i, k
    s[0] = 19650218
    for i in range(1, MT_N):
        s[i] = <uint32_t> (1812433253 * (s[i - 1] ^ (s[i - 1] >> 30)) + <uint32_t> i)
    i = 1
    for k in range(MT_N):  # the key's one word, at index 0, every round
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * <uint32_t> 1664525)) + seed
        i += 1
        if i >= MT_N:
            s[0] = s[MT_N - 1]
            i = 1
    for k in range(MT_N - 1):
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * <uint32_t> 1566083941)) - <uint32_t> i
        i += 1
        if i >= MT_N:
            s[0] = s[MT_N - 1]
            i = 1
    s[0] = MT_UPPER
    mt.index = MT_N
    mt.has_next = False


cdef inline uint32_t _mt_twist(uint32_t upper, uint32_t lower, uint32_t far) noexcept nogil:
    cdef uint32_t y = (upper & MT_UPPER) | (lower & MT_LOWER)
    return far ^ (y >> 1) ^ (MT_MATRIX if y & 1 else 0)


cdef uint32_t _mt_next(Twister *mt) noexcept nogil:
    """The next 32-bit output (regenerating the state every 624 outputs), tempered."""
    cdef uint32_t *s = mt.state
    cdef int k
    cdef uint32_t y
    if mt.index >= MT_N:
        for k in range(MT_N - MT_M):
            s[k] = _mt_twist(s[k], s[k + 1], s[k + MT_M])
        for k in range(MT_N - MT_M, MT_N - 1):
            s[k] = _mt_twist(s[k], s[k + 1], s[k + MT_M - MT_N])
        s[MT_N - 1] = _mt_twist(s[MT_N - 1], s[0], s[MT_M - 1])
        mt.index = 0
    y = s[mt.index]
    mt.index += 1
    y ^= y >> 11
    y ^= (y << 7) & MT_TEMPER_B
    y ^= (y << 15) & MT_TEMPER_C
    y ^= y >> 18
    return y


cdef inline double _mt_random(Twister *mt) noexcept nogil:
    """``random.random()``: 53 bits from two outputs."""
    cdef uint32_t a = _mt_next(mt) >> 5
    cdef uint32_t b = _mt_next(mt) >> 6
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)


cdef double _mt_gauss(Twister *mt) noexcept nogil:
    """``random.gauss(0.0, 1.0)``: a pair from the Box-Muller transform, the second kept."""
    cdef double x2pi, g2rad, z
    if mt.has_next:
        mt.has_next = False
        return mt.next_gauss
    x2pi = _mt_random(mt) * (2.0 * 3.141592653589793)
    g2rad = sqrt(-2.0 * log(1.0 - _mt_random(mt)))
    z = cos(x2pi) * g2rad
    mt.next_gauss = sin(x2pi) * g2rad
    mt.has_next = True
    return z


cdef inline Py_ssize_t _mt_below(Twister *mt, uint32_t n, int bits) noexcept nogil:
    """``random.choice``'s index: ``bits``-bit draws (n's bit length) until one is below n."""
    cdef uint32_t r = _mt_next(mt) >> (32 - bits)
    while r >= n:
        r = _mt_next(mt) >> (32 - bits)
    return r


cdef inline object _gram(Py_UCS4 *buf, Py_ssize_t size):
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, size)


def nb_grams(str text, dict index):
    """The rows in ``index`` of the 1- to 3-grams of ``text`` (normalised: non-letters are
    spaces), in langdetect's order: a window of the last three characters that restarts
    at each word, no grams inside a run of capitals, the lone space never a gram."""
    cdef Py_UCS4 buf[4]
    cdef Py_UCS4 ch, last
    cdef Py_ssize_t size = 1, n
    cdef bint capitals = False
    cdef list out = []
    buf[0] = u" "
    for ch in text:
        last = buf[size - 1]
        if last == u" ":
            buf[0] = u" "
            size = 1
            capitals = False
            if ch == u" ":
                continue
        elif size >= 3:
            buf[0], buf[1] = buf[1], buf[2]
            size = 2
        buf[size] = ch
        size += 1
        if Py_UNICODE_ISUPPER(ch):
            if Py_UNICODE_ISUPPER(last):
                capitals = True
        else:
            capitals = False
        if capitals:
            continue
        for n in range(1, 4):
            if size < n:
                break
            if n == 1 and ch == u" ":
                continue
            row = index.get(_gram(buf + size - n, n))
            if row is not None:
                out.append(row)
    return out


def nb_trials(
    const double[::1] probs,
    Py_ssize_t width,
    list rows,
    uint32_t seed,
    int trials,
    double alpha,
    double alpha_width,
    int limit,
    double converged,
    double base_freq,
):
    """langdetect's seeded trials: per trial, start from equal probabilities over ``width``
    languages and multiply in a randomly drawn n-gram's row (smoothed by ``alpha``, varied per
    trial) until one language passes ``converged`` (checked every fifth draw) or ``limit``
    draws; the mean of the trials' end probabilities. ``probs`` is row-major, ``rows`` the
    text's n-grams as row numbers (one per occurrence)."""
    cdef Py_ssize_t count = len(rows), j, r, t, i
    if count == 0 or width <= 0 or trials <= 0:
        raise ValueError("nb_trials needs rows, languages and trials")
    if count > <Py_ssize_t> MT_LOWER:
        raise ValueError("too many rows")
    cdef Py_ssize_t *offsets = <Py_ssize_t *> PyMem_Malloc(count * sizeof(Py_ssize_t))
    cdef double *prob = <double *> PyMem_Malloc(width * sizeof(double))
    cdef double *total = <double *> PyMem_Malloc(width * sizeof(double))
    cdef Twister *mt = <Twister *> PyMem_Malloc(sizeof(Twister))
    cdef const double *row
    cdef double weight, sump, maxp, q
    cdef int bits = 0
    cdef Py_ssize_t height = probs.shape[0] // width if width else 0
    try:
        if offsets == NULL or prob == NULL or total == NULL or mt == NULL:
            raise MemoryError()
        for j in range(count):
            r = rows[j]
            if r < 0 or r >= height:
                raise IndexError("row out of range")
            offsets[j] = r * width
        while (<uint64_t> count) >> bits:
            bits += 1
        for j in range(width):
            total[j] = 0.0
        _mt_seed(mt, seed)
        with nogil:
            for t in range(trials):
                for j in range(width):
                    prob[j] = 1.0 / width
                weight = (alpha + _mt_gauss(mt) * alpha_width) / base_freq
                i = 0
                while True:
                    row = &probs[0] + offsets[_mt_below(mt, <uint32_t> count, bits)]
                    for j in range(width):
                        prob[j] *= weight + row[j]
                    if i % 5 == 0:
                        sump = 0.0
                        for j in range(width):
                            sump += prob[j]
                        maxp = 0.0
                        for j in range(width):
                            q = prob[j] / sump
                            if maxp < q:
                                maxp = q
                            prob[j] = q
                        if maxp > converged or i >= limit:
                            break
                    i += 1
                for j in range(width):
                    total[j] += prob[j] / trials
        return [total[j] for j in range(width)]
    finally:
        PyMem_Free(offsets)
        PyMem_Free(prob)
        PyMem_Free(total)
        PyMem_Free(mt)


def nb_column(double[::1] probs, Py_ssize_t width, Py_ssize_t column, dict index, dict freq, list totals):
    """Fill one language's column of ``probs`` (row-major, ``width`` columns, rows from
    ``index``): each 1- to 3-gram's count over the total count of n-grams of its length."""
    cdef double total[3]
    cdef Py_ssize_t k, size, at, limit = probs.shape[0]
    if not 0 <= column < width:
        raise IndexError("column out of range")
    for k in range(3):
        total[k] = <double> totals[k]
    for gram, count in freq.items():
        size = len(<str> gram)
        if 1 <= size <= 3:
            at = <Py_ssize_t> index[gram] * width + column
            if not 0 <= at < limit:
                raise IndexError("row out of range")
            probs[at] = <double> count / total[size - 1]


# --- language ID: letters by script, function words ---------------------------------------------

cdef extern from "Python.h":
    bint Py_UNICODE_ISTITLE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISLOWER(Py_UCS4 ch) nogil
    Py_UCS4 Py_UNICODE_TOLOWER(Py_UCS4 ch) nogil


def script_tally(str text, const uint8_t[::1] table, Py_ssize_t slots):
    """How many characters of ``text`` fall on each slot of ``table`` (one byte per code point
    of the Basic Multilingual Plane), and the code points above it, in order."""
    if table.shape[0] < 0x10000:
        raise ValueError("the table must cover the Basic Multilingual Plane")
    cdef Py_ssize_t *counts = <Py_ssize_t *> PyMem_Malloc(256 * sizeof(Py_ssize_t))
    cdef Py_UCS4 c
    cdef Py_ssize_t k
    cdef list astral = []
    if counts == NULL:
        raise MemoryError()
    try:
        memset(counts, 0, 256 * sizeof(Py_ssize_t))
        for c in text:
            if c < 0x10000:
                counts[table[c]] += 1
            else:
                astral.append(<uint32_t> c)
        for k in range(slots, 256):
            if counts[k]:
                raise ValueError("a table slot beyond slots")
        return [counts[k] for k in range(slots)], astral
    finally:
        PyMem_Free(counts)


def word_tally(str text, Py_ssize_t window, CharSet letters, dict vocabulary, Py_ssize_t languages):
    """The words (maximal runs of ``letters``) of the first ``window`` characters of ``text``:
    how many, how many are lower case (``str.islower``), and per language how many of them,
    lower-cased, are its function words (``vocabulary``: word -> bit mask of languages)."""
    cdef Py_ssize_t n = min(len(text), window), i = 0, j, k
    cdef Py_ssize_t words = 0, lower = 0
    cdef Py_UCS4 c
    cdef bint cased, upper, changes
    cdef list hits = [0] * languages
    cdef object mask
    cdef long bits
    while i < n:
        if not letters.has(text[i]):
            i += 1
            continue
        j = i
        cased = upper = changes = False
        while j < n:
            c = text[j]
            if not letters.has(c):
                break
            if Py_UNICODE_ISUPPER(c) or Py_UNICODE_ISTITLE(c):
                upper = True
            elif Py_UNICODE_ISLOWER(c):
                cased = True
            if Py_UNICODE_TOLOWER(c) != c:
                changes = True
            j += 1
        words += 1
        if cased and not upper:
            lower += 1
        word = text[i:j]
        mask = vocabulary.get(word.lower() if changes else word)
        if mask is not None:
            bits = mask
            for k in range(languages):
                if (bits >> k) & 1:
                    hits[k] += 1
        i = j
    return words, lower, hits

cdef inline int _add_row(double *state, double[::1] weights, Py_ssize_t L, Py_ssize_t row) except -1:
    """Add attribute row ``row``'s scores to one item's ``state``."""
    cdef Py_ssize_t j
    if row < 0 or (row + 1) * L > weights.shape[0]:
        raise ValueError("attribute row out of range")
    row *= L
    for j in range(L):
        state[j] += weights[row + j]
    return 0


cdef inline int _add_rows(double *state, double[::1] weights, Py_ssize_t L, object rows) except -1:
    """Add the rows held in ``rows`` (bytes of C ints) to one item's ``state``, in order."""
    cdef Py_ssize_t n, k
    cdef const int *ids
    if not isinstance(rows, bytes):
        raise TypeError("attribute rows must be bytes of C ints")
    n = len(<bytes> rows) // sizeof(int)
    ids = <const int *> PyBytes_AS_STRING(rows)
    for k in range(n):
        _add_row(state, weights, L, ids[k])
    return 0


cdef list _viterbi(double *state, Py_ssize_t size, double[::1] trans, Py_ssize_t L):
    """CRFsuite's Viterbi over item scores ``state`` (``size`` rows of ``L``): ties to the lowest label."""
    cdef Py_ssize_t t, i, j, best = 0
    cdef double score, top
    cdef double *alpha = <double *> PyMem_Malloc(size * L * sizeof(double))
    cdef Py_ssize_t *back = <Py_ssize_t *> PyMem_Malloc(size * L * sizeof(Py_ssize_t))
    cdef list out
    if alpha == NULL or back == NULL:
        PyMem_Free(alpha)
        PyMem_Free(back)
        raise MemoryError()
    for j in range(L):
        alpha[j] = state[j]
    for t in range(1, size):
        for j in range(L):
            top = -1.7976931348623157e308
            best = 0
            for i in range(L):
                score = alpha[(t - 1) * L + i] + trans[i * L + j]
                if top < score:
                    top = score
                    best = i
            back[t * L + j] = best
            alpha[t * L + j] = top + state[t * L + j]
    top = -1.7976931348623157e308
    best = 0
    for i in range(L):
        if top < alpha[(size - 1) * L + i]:
            top = alpha[(size - 1) * L + i]
            best = i
    out = [0] * size
    out[size - 1] = best
    for t in range(size - 2, -1, -1):
        best = back[(t + 1) * L + best]
        out[t] = best
    PyMem_Free(alpha)
    PyMem_Free(back)
    return out


cdef double *_states(Py_ssize_t size, double[::1] weights, double[::1] trans, Py_ssize_t L) except NULL:
    """Zeroed item scores for ``size`` items, after checking the model's shapes."""
    cdef double *state
    if L <= 0 or weights.shape[0] % L or trans.shape[0] != L * L:
        raise ValueError("weights and transitions must be rows of `labels` scores")
    state = <double *> PyMem_Malloc(size * L * sizeof(double))
    if state == NULL:
        raise MemoryError()
    memset(state, 0, size * L * sizeof(double))
    return state


def crf_viterbi(double[::1] weights, double[::1] trans, Py_ssize_t labels, list ids, list ends):
    """The best label sequence (label indexes) of a linear-chain CRF, as CRFsuite decodes it.

    Item ``t`` holds the attribute rows ``ids[ends[t - 1]:ends[t]]``; its score for label
    ``j`` is the sum of ``weights[row * labels + j]`` over them, added in that order (as
    CRFsuite adds an item's attributes). ``trans[i * labels + j]`` scores label ``i``
    followed by ``j``. Ties go to the lowest label, as in CRFsuite.
    """
    cdef Py_ssize_t size = len(ends), t, k, start = 0, stop
    cdef double *state
    if size == 0:
        return []
    state = _states(size, weights, trans, labels)
    try:
        for t in range(size):
            stop = ends[t]
            if stop < start or stop > len(ids):
                raise ValueError("item ends must rise within the attribute rows")
            for k in range(start, stop):
                _add_row(&state[t * labels], weights, labels, ids[k])
            start = stop
        return _viterbi(state, size, trans, labels)
    finally:
        PyMem_Free(state)


cdef enum:
    ROWS_BUFFER = 4096  # bytes of rows one field of :func:`feature_rows` builds in place


cdef inline object _row_at(object rows, Py_ssize_t slot):
    """``rows[slot]``, checked (indexes are not bounds-checked in this module)."""
    if not isinstance(rows, tuple):
        raise TypeError("a feature's rows must be a tuple")
    if slot < 0 or slot >= len(<tuple> rows):
        raise IndexError("a feature's rows hold no such slot")
    return (<tuple> rows)[slot]


cdef inline Py_ssize_t _put(char *buf, Py_ssize_t size, object row) except -2:
    """Append the bytes ``row`` at ``buf[size]``; the new size, or -1 when they do not fit."""
    cdef Py_ssize_t n
    if not isinstance(row, bytes):
        raise TypeError("a feature's rows must be bytes")
    n = len(<bytes> row)
    if size < 0 or size + n > ROWS_BUFFER:
        return -1
    memcpy(buf + size, PyBytes_AS_STRING(row), n)
    return size + n


def feature_rows(dict feats, dict table, tuple slots):
    """The native twin of ``_python.feature_rows`` (see there): the same rows in the same order,
    each field copied into one buffer (joined as lists when a field would not fit)."""
    cdef dict hits = {}
    cdef list near = []
    cdef char buf[ROWS_BUFFER]
    cdef Py_ssize_t size = 0, slot
    cdef object key, value, values, rows, keys, own
    for key, value in feats.items():
        values = table.get(key)
        if values is None:
            continue
        rows = (<dict?> values).get(value)
        if rows is None:
            continue
        hits[key] = rows
        size = _put(buf, size, _row_at(rows, 0))
    own = PyBytes_FromStringAndSize(buf, size) if size >= 0 else b"".join([_row_at(r, 0) for r in hits.values()])
    for slot, keys in slots:
        size = 0
        for key in keys:
            rows = hits.get(key)
            if rows is not None:
                size = _put(buf, size, _row_at(rows, slot))
        if size < 0:
            near.append(b"".join([_row_at(hits[k], slot) for k in keys if k in hits]))
        else:
            near.append(PyBytes_FromStringAndSize(buf, size))
    return own, tuple(near)


def crf_window(
    double[::1] weights, double[::1] trans, Py_ssize_t labels, list words, list keep, dict extra, tuple fixed
):
    """The native twin of ``_python.crf_window`` (see there): the same items, rows added in
    the same order, decoded by :func:`crf_viterbi`'s Viterbi."""
    cdef Py_ssize_t size = len(keep), last = len(words) - 1, t, i, previous = -2
    cdef Py_ssize_t bias, bos, eos, gap
    cdef double *state
    cdef double *item
    cdef object row
    if size == 0:
        return []
    bias, bos, eos, gap = fixed
    state = _states(size, weights, trans, labels)
    try:
        for t in range(size):
            i = keep[t]
            if i < 0 or i > last:
                raise IndexError("kept token out of range")
            item = &state[t * labels]
            if bias >= 0:
                _add_row(item, weights, labels, bias)
            _add_rows(item, weights, labels, _field(words[i], 0))
            if i > 0:
                _add_rows(item, weights, labels, _near(words[i - 1], 0))
            if i < last:
                _add_rows(item, weights, labels, _near(words[i + 1], 1))
            if i > 1:
                _add_rows(item, weights, labels, _near(words[i - 2], 2))
            if i < last - 1:
                _add_rows(item, weights, labels, _near(words[i + 2], 3))
            if i > 0:
                row = _field(words[i], 3)
                if not isinstance(row, dict):
                    raise TypeError("a word's bigram rows must be a dict")
                row = (<dict> row).get(_field(words[i - 1], 2))
                if row is not None:
                    _add_row(item, weights, labels, row)
            elif bos >= 0:
                _add_row(item, weights, labels, bos)
            if i == last and eos >= 0:
                _add_row(item, weights, labels, eos)
            if previous != i - 1 and gap >= 0:
                _add_row(item, weights, labels, gap)
            previous = i
            row = extra.get(i)
            if row is not None:
                _add_rows(item, weights, labels, row)
        return _viterbi(state, size, trans, labels)
    finally:
        PyMem_Free(state)


cdef inline object _field(object word, Py_ssize_t k):
    """Field ``k`` of a word tuple (checked: a tuple of at least the four fields read)."""
    if not isinstance(word, tuple) or len(<tuple> word) < 4:
        raise TypeError("each word must be a tuple (own, near, form, after, ...)")
    return (<tuple> word)[k]


cdef inline object _near(object word, Py_ssize_t k):
    """What a word's neighbour sees at offset number ``k`` (-1, +1, -2, +2)."""
    cdef object near = _field(word, 1)
    if not isinstance(near, tuple) or len(<tuple> near) != 4:
        raise TypeError("a word's neighbour rows must be a tuple of four")
    return (<tuple> near)[k]


cdef object _MISSING = object()


def marked_words(str text, CharSet marks, dict cache, compute, make):
    """The words of ``text`` as ``make((start, end, name_start, word))``, ``word`` looked up per form.

    A word is letters and digits with characters of ``marks`` (diacritics, joiners) before,
    between and after them, or any one other character that is not a space: the regex
    ``(?:[marks]*+[^\\W_])++[marks]*+|[^\\w\\s]``. Each written form is looked up in
    ``cache`` (``compute(form)`` on a miss; it fills the cache): ``(word, cut)`` gives a
    token whose name starts ``cut`` characters in, ``("", 0)`` none, and ``None`` stops the
    scan (the result is then None: the caller tokenises another way).
    """
    cdef Py_ssize_t n = len(text), i = 0, j, k, no_word = 0
    cdef Py_UCS4 c
    cdef list out = []
    cdef object found, written, word
    while i < n:
        c = text[i]
        if i < no_word:  # inside a run of marks already scanned: it ends at no_word, no word after
            j = no_word
        else:
            j = i
            while j < n and marks.has(text[j]):
                j += 1
        if j < n and is_alnum(text[j]):
            j += 1
            while True:
                k = j
                while k < n and marks.has(text[k]):
                    k += 1
                if k < n and is_alnum(text[k]):
                    j = k + 1
                else:
                    j = k
                    break
        elif c == u"_" or is_alnum(c) or Py_UNICODE_ISSPACE(c):
            no_word = j
            i += 1
            continue
        else:
            no_word = j
            j = i + 1
        written = text[i:j]
        found = cache.get(written, _MISSING)
        if found is _MISSING:
            found = compute(written)
        if found is None:
            return None
        word = found[0]
        if word:
            out.append(make((i, j, i + <Py_ssize_t> found[1], word)))
        i = j
    return out


cdef inline bint _is_word(Py_UCS4 c) noexcept nogil:
    """A regex word character (``\\w``): a letter, a digit or ``_``."""
    return is_alnum(c) or c == u"_"


cdef inline bint _is_apostrophe(Py_UCS4 c) noexcept nogil:
    return c == u"'" or c == u"\u2019"


cdef inline Py_ssize_t _alnum_end(str text, Py_ssize_t n, Py_ssize_t j):
    while j < n and is_alnum(text[j]):
        j += 1
    return j


cdef inline bint _possessive_s(str text, Py_ssize_t n, Py_ssize_t j):
    """Whether ``text[j]`` is ``s`` or ``S`` ending a word (``\\b`` after it)."""
    return (text[j] == u"s" or text[j] == u"S") and (j + 1 == n or not _is_word(text[j + 1]))


def latin_words(str text, make):
    """The native twin of ``_python.latin_words`` (see there): the same tokens, in one pass."""
    cdef Py_ssize_t n = len(text), i = 0, j
    cdef Py_UCS4 c
    cdef list out = []
    while i < n:
        c = text[i]
        j = i
        while j + 1 < n and u"A" <= text[j] <= u"Z" and text[j + 1] == u".":
            j += 2
        if j - i < 4:  # not two or more capital-and-full-stop pairs (``U.S.``)
            if is_alnum(c):
                j = _alnum_end(text, n, i + 1)
                while j + 1 < n and (text[j] == u"-" or text[j] == u"\u2010") and is_alnum(text[j + 1]):
                    j = _alnum_end(text, n, j + 2)
                while (
                    j + 1 < n and _is_apostrophe(text[j]) and is_alnum(text[j + 1])
                    and not _possessive_s(text, n, j + 1)
                ):
                    j = _alnum_end(text, n, j + 2)
            elif _is_apostrophe(c) and i + 1 < n and _possessive_s(text, n, i + 1):
                j = i + 2
            elif not _is_word(c) and not Py_UNICODE_ISSPACE(c):
                j = i + 1
            else:
                i += 1
                continue
        out.append(make((i, j, i, text[i:j])))
        i = j
    return out


# --- matching: a side's trie hits as labelled candidates ---------------------------------------


def label_hits(
    Trie trie,
    Mapped mapped,
    str text,
    tuple columns,
    str code,
    type kind,
    object same_letters,
):
    """``trie``'s hits in ``mapped`` (the normalised ``text``) as labelled candidates, in one call.

    The same as ``_python.label_hits``: one ``kind`` tuple (start, end, how, entity,
    alias, lang, code, ambiguous, None) per hit and entity of its key, ``how`` exact,
    normalised or clitic, short all-capital aliases only where ``same_letters`` holds.
    """
    cdef list out = []
    cdef list hits = trie.scan(mapped)
    if not hits:
        return out
    cdef list entities = columns[0]
    cdef list aliases = columns[1]
    cdef list letters = columns[2]
    cdef object ambiguous = columns[3]
    cdef list others = columns[4]
    cdef tuple hit, other
    cdef Py_ssize_t value
    cdef str surface
    for hit in hits:
        value = hit[2]
        surface = text[<Py_ssize_t> hit[0]:<Py_ssize_t> hit[1]]
        _label(out, kind, hit, surface, entities[value], aliases[value], letters[value], ambiguous[value], code, same_letters)
        for other in <tuple> others[value]:
            _label(out, kind, hit, surface, other[0], other[1], other[2], other[3], code, same_letters)
    return out


cdef int _label(
    list out,
    type kind,
    tuple hit,
    str surface,
    object entity,
    tuple pairs,
    object wanted,
    object ambiguous,
    str code,
    object same_letters,
) except -1:
    cdef tuple pair = None, p
    cdef str how
    cdef bint cut = hit[3]
    if wanted is not None and not same_letters(surface, wanted):
        return 0
    for p in pairs:
        if <str> p[0] == surface:
            pair = p
            how = "clitic" if cut else "exact"
            break
    if pair is None:
        pair = pairs[0]
        how = "clitic" if cut else "normalised"
    out.append(tuple.__new__(kind, (hit[0], hit[1], how, entity, pair[0], pair[1], code, bool(ambiguous), None)))
    return 0


cdef enum:
    KIND_JOINER = 1
    KIND_CANDIDATE = 2


cdef inline bint _may_join(list kinds, list gz, Py_ssize_t i):
    """Whether token ``i`` is a candidate or a gazetteer hit (a joiner beside it is kept)."""
    return <Py_ssize_t> kinds[i] == KIND_CANDIDATE or len(<str> gz[i]) > 0


def token_words(list tokens, list spans, dict cache, Py_ssize_t kind_at, kind, word):
    """The native twin of ``_python.token_words`` (see there): the same words, tags and kept
    tokens, ``kind`` and ``word`` called for the same forms in the same order."""
    cdef Py_ssize_t size = len(tokens), n_spans = len(spans), i, j, k = 0, lo, hi, tstart, tend
    cdef list words = [None] * size, gz = [""] * size, kinds = [0] * size, keep = []
    cdef object token, found, span, form
    cdef tuple entry
    for i in range(size):
        token = tokens[i]
        if not isinstance(token, tuple) or len(<tuple> token) < 4:
            raise TypeError("each token must be a tuple (start, end, name_start, form, ...)")
        tstart = (<tuple> token)[0]
        tend = (<tuple> token)[1]
        while k < n_spans and <Py_ssize_t> (<tuple?> spans[k])[1] <= tstart:
            k += 1
        if k < n_spans and <Py_ssize_t> (<tuple?> spans[k])[0] < tend:
            span = spans[k]
            gz[i] = ("B-" if <Py_ssize_t> (<tuple> span)[0] >= tstart else "I-") + (<tuple> span)[2]
        form = (<tuple> token)[3]
        found = cache.get(form)
        if found is None:
            kinds[i] = kind(form)
        else:
            if not isinstance(found, tuple) or kind_at < 0 or kind_at >= len(<tuple> found):
                raise TypeError("a cached word must be a tuple holding its kind")
            kinds[i] = (<tuple> found)[kind_at]
            words[i] = found
    for i in range(size):
        if _may_join(kinds, gz, i):
            keep.append(i)
        elif (
            <Py_ssize_t> kinds[i] == KIND_JOINER
            and 0 < i < size - 1
            and _may_join(kinds, gz, i - 1)
            and _may_join(kinds, gz, i + 1)
        ):
            keep.append(i)
    for i in keep:
        lo = i - 2 if i >= 2 else 0
        hi = i + 3 if i + 3 < size else size
        for j in range(lo, hi):
            if words[j] is None:
                words[j] = word((<tuple> tokens[j])[3])
    return words, gz, keep
