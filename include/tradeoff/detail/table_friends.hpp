#ifndef TRADEOFF_DETAIL_TABLE_FRIENDS_HPP
#define TRADEOFF_DETAIL_TABLE_FRIENDS_HPP

/// @file
/// @brief Internal: the two builders that fill a tradeoff::table's private storage (table.hpp):
/// the CSV reader (csv_reader.hpp) and the assembler of JSON records (table_assembly.hpp).

namespace tradeoff::detail {

class csv_builder;
class table_assembler;

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_TABLE_FRIENDS_HPP
