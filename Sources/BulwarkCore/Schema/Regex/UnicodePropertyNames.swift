/// General-category names accepted in `\p{…}` / `\P{…}` (short and long forms, as in ECMA-262).
/// Scripts and binary properties are refused as unsupported.
enum UnicodePropertyNames {
    static func categories(_ name: String) -> [Unicode.GeneralCategory]? {
        var name = name
        for prefix in ["General_Category=", "gc="] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        switch name {
        case "L", "Letter": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "LC", "Cased_Letter": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        case "Lu", "Uppercase_Letter": return [.uppercaseLetter]
        case "Ll", "Lowercase_Letter": return [.lowercaseLetter]
        case "Lt", "Titlecase_Letter": return [.titlecaseLetter]
        case "Lm", "Modifier_Letter": return [.modifierLetter]
        case "Lo", "Other_Letter": return [.otherLetter]
        case "M", "Mark", "Combining_Mark": return [.nonspacingMark, .spacingMark, .enclosingMark]
        case "Mn", "Nonspacing_Mark": return [.nonspacingMark]
        case "Mc", "Spacing_Mark": return [.spacingMark]
        case "Me", "Enclosing_Mark": return [.enclosingMark]
        case "N", "Number": return [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd", "Decimal_Number", "digit": return [.decimalNumber]
        case "Nl", "Letter_Number": return [.letterNumber]
        case "No", "Other_Number": return [.otherNumber]
        case "P", "Punctuation", "punct":
            return [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                    .initialPunctuation, .finalPunctuation, .otherPunctuation]
        case "Pc", "Connector_Punctuation": return [.connectorPunctuation]
        case "Pd", "Dash_Punctuation": return [.dashPunctuation]
        case "Ps", "Open_Punctuation": return [.openPunctuation]
        case "Pe", "Close_Punctuation": return [.closePunctuation]
        case "Pi", "Initial_Punctuation": return [.initialPunctuation]
        case "Pf", "Final_Punctuation": return [.finalPunctuation]
        case "Po", "Other_Punctuation": return [.otherPunctuation]
        case "S", "Symbol": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Sm", "Math_Symbol": return [.mathSymbol]
        case "Sc", "Currency_Symbol": return [.currencySymbol]
        case "Sk", "Modifier_Symbol": return [.modifierSymbol]
        case "So", "Other_Symbol": return [.otherSymbol]
        case "Z", "Separator": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs", "Space_Separator": return [.spaceSeparator]
        case "Zl", "Line_Separator": return [.lineSeparator]
        case "Zp", "Paragraph_Separator": return [.paragraphSeparator]
        case "C", "Other": return [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc", "Control", "cntrl": return [.control]
        case "Cf", "Format": return [.format]
        case "Cs", "Surrogate": return [.surrogate]
        case "Co", "Private_Use": return [.privateUse]
        case "Cn", "Unassigned": return [.unassigned]
        default: return nil
        }
    }
}
