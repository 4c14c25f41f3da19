/**
 * A settings table that stacks into cards on narrow screens: the header row from its columns,
 * the rows as children (their cells carry the column names as `data-label`).
 */
import type { ReactNode } from 'react';

interface Props {
	/** Classes besides `widefat striped acapi-cards`. */
	className: string;
	/** Column headers by key, in order. */
	columns: Record< string, string >;
	children: ReactNode;
}

export default function CardTable( { className, columns, children }: Props ) {
	return (
		<table className={ `widefat striped ${ className } acapi-cards` }>
			<thead>
				<tr>
					{ Object.entries( columns ).map( ( [ key, label ] ) => (
						<th scope="col" key={ key }>
							{ label }
						</th>
					) ) }
				</tr>
			</thead>
			<tbody>{ children }</tbody>
		</table>
	);
}
