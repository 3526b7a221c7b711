import CMarkGFM
import Yams
func _probe() { cmark_gfm_core_extensions_ensure_registered() ; _ = cmark_find_syntax_extension("table") }
