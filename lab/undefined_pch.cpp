// Compiles lab/undefined_pch.hpp once per sanitizer; the undefined programs reuse it.
